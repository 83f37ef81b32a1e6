/** Invitations: made by leads and admins, previewed and accepted before signing in. */
import type { GroupId } from '../../shared/model/ids';
import {
  API_PATHS,
  type AcceptInvitationRequest,
  type AcceptInvitationResponse,
  type CreateInvitationRequest,
  type CreateInvitationResponse,
  type InvitationPreview,
  type InvitationsResponse,
} from '../../shared/protocol/api';
import type { ApiClient } from './client';

export const createInvitation = (api: ApiClient, body: CreateInvitationRequest) =>
  api.request<CreateInvitationResponse>('POST', API_PATHS.invitations, body);

export const listGroupInvitations = (api: ApiClient, groupId: GroupId) =>
  api.request<InvitationsResponse>('GET', API_PATHS.groupInvitations(groupId));

export const revokeInvitation = (api: ApiClient, invitationId: string) =>
  api.request<void>('DELETE', API_PATHS.revokeInvitation(invitationId));

export const previewInvitation = (api: ApiClient, code: string) =>
  api.request<InvitationPreview>('GET', API_PATHS.invitation(code), undefined, { auth: false });

export const acceptInvitation = (api: ApiClient, code: string, body: AcceptInvitationRequest) =>
  api.request<AcceptInvitationResponse>('POST', API_PATHS.acceptInvitation(code), body, {
    auth: false,
  });
