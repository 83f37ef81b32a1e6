/**
 * The renderer's calls of the versions and sign-off API (shared/protocol/versionsApi.ts), on the
 * app's API client. Yjs bytes travel as base64.
 */
import type { GroupId } from '../../shared/model/ids';
import {
  VERSIONS_PATHS,
  type AnswerSignoffBody,
  type CreateSignoffBody,
  type CreateVersionBody,
  type GroupSignoffsResponse,
  type DocumentAuthorsResponse,
  type SignoffResponse,
  type VersionResponse,
  type VersionSummary,
  type VersionsResponse,
} from '../../shared/protocol/versionsApi';
import type { ApiClient } from './client';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

export const versionsApi = {
  /** The newest sign-off of each document of the group. */
  groupSignoffs: (api: ApiClient, groupId: GroupId) =>
    api.request<GroupSignoffsResponse>('GET', VERSIONS_PATHS.groupSignoffs(groupId)),
  list: (api: ApiClient, groupId: GroupId, docId: string) =>
    api.request<VersionsResponse>('GET', VERSIONS_PATHS.versions(groupId, docId)),
  /** Who owns each client id of the document's room, to name the authors of a comparison. */
  authors: (api: ApiClient, groupId: GroupId, docId: string) =>
    api.request<DocumentAuthorsResponse>('GET', VERSIONS_PATHS.authors(groupId, docId)),
  get: (api: ApiClient, groupId: GroupId, docId: string, versionId: string) =>
    api.request<VersionResponse>('GET', VERSIONS_PATHS.version(groupId, docId, versionId)),
  create: (api: ApiClient, groupId: GroupId, docId: string, body: CreateVersionBody) =>
    api.request<VersionSummary>('POST', VERSIONS_PATHS.versions(groupId, docId), body),
  /** Asks the server to keep the current text before a restore. */
  beforeRestore: (api: ApiClient, groupId: GroupId, docId: string, versionId: string) =>
    api.request<VersionSummary>('POST', VERSIONS_PATHS.restore(groupId, docId, versionId)),
  signoff: (api: ApiClient, groupId: GroupId, docId: string, versionId: string) =>
    api.request<SignoffResponse>('GET', VERSIONS_PATHS.signoff(groupId, docId, versionId)),
  askSignoff: (
    api: ApiClient,
    groupId: GroupId,
    docId: string,
    versionId: string,
    body: CreateSignoffBody,
  ) =>
    api.request<SignoffResponse>('POST', VERSIONS_PATHS.signoff(groupId, docId, versionId), body),
  answer: (
    api: ApiClient,
    groupId: GroupId,
    docId: string,
    versionId: string,
    body: AnswerSignoffBody,
  ) =>
    api.request<SignoffResponse>(
      'POST',
      VERSIONS_PATHS.signoffAnswers(groupId, docId, versionId),
      body,
    ),
};
