/** Signing in and out, the caller's own account and workspace, the organizations (shared/protocol/api.ts). */
import {
  API_PATHS,
  type LoginRequest,
  type LoginResponse,
  type MeResponse,
  type OrganizationsResponse,
  type WorkspaceResponse,
} from '../../shared/protocol/api';
import type { ApiClient } from './client';

export const signIn = (api: ApiClient, body: LoginRequest) =>
  api.request<LoginResponse>('POST', API_PATHS.login, body, { auth: false });

export const revokeSession = (api: ApiClient) => api.request<void>('POST', API_PATHS.logout);

export const fetchMe = (api: ApiClient) => api.request<MeResponse>('GET', API_PATHS.me);

export const fetchWorkspace = (api: ApiClient) =>
  api.request<WorkspaceResponse>('GET', API_PATHS.workspace);

export const listOrganizations = (api: ApiClient) =>
  api.request<OrganizationsResponse>('GET', API_PATHS.organizations);
