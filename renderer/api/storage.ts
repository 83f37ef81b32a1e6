/** The renderer's call of `GET /api/groups/:groupId/storage` (shared/protocol/storageApi.ts). */
import type { GroupId } from '../../shared/model/ids';
import {
  groupStoragePath,
  groupStorageResponse,
  type GroupStorageResponse,
} from '../../shared/protocol/storageApi';
import type { ApiClient } from './client';

export async function fetchGroupStorage(
  api: ApiClient,
  groupId: GroupId,
): Promise<GroupStorageResponse> {
  return groupStorageResponse.parse(
    await api.request<GroupStorageResponse>('GET', groupStoragePath(groupId)),
  );
}
