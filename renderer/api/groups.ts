/** The group directory, members and access requests (shared/protocol/api.ts). */
import type { GroupRole, UserId } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import {
  API_PATHS,
  type AccessRequest,
  type AccessRequestsResponse,
  type ChangeRoleResponse,
  type GroupResponse,
  type GroupsResponse,
  type Member,
  type MembersResponse,
} from '../../shared/protocol/api';
import type { ApiClient } from './client';

export const listGroups = (api: ApiClient) => api.request<GroupsResponse>('GET', API_PATHS.groups);

export const fetchGroup = (api: ApiClient, groupId: GroupId) =>
  api.request<GroupResponse>('GET', API_PATHS.group(groupId));

export const listMembers = (api: ApiClient, groupId: GroupId) =>
  api.request<MembersResponse>('GET', API_PATHS.members(groupId));

export const changeMemberRole = (
  api: ApiClient,
  groupId: GroupId,
  userId: UserId,
  role: GroupRole,
) => api.request<ChangeRoleResponse>('PATCH', API_PATHS.member(groupId, userId), { role });

export const removeMember = (api: ApiClient, groupId: GroupId, userId: UserId) =>
  api.request<void>('DELETE', API_PATHS.member(groupId, userId));

export const requestAccess = (api: ApiClient, groupId: GroupId, message = '') =>
  api.request<AccessRequest>('POST', API_PATHS.accessRequests(groupId), message ? { message } : {});

export const listAccessRequests = (api: ApiClient, groupId: GroupId) =>
  api.request<AccessRequestsResponse>('GET', API_PATHS.accessRequests(groupId));

export const approveAccessRequest = (
  api: ApiClient,
  groupId: GroupId,
  requestId: string,
  role: GroupRole,
) => api.request<Member>('POST', API_PATHS.approveAccessRequest(groupId, requestId), { role });

export const declineAccessRequest = (api: ApiClient, groupId: GroupId, requestId: string) =>
  api.request<void>('POST', API_PATHS.declineAccessRequest(groupId, requestId));
