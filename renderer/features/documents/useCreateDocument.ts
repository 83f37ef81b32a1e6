/**
 * Creates a document entirely on this computer (works offline): a fresh id, an entry in the
 * group index, the document's own initial state, then opens it.
 */
import { useCallback } from 'react';
import { newDocId, type GroupId } from '../../../shared/model/ids';
import { docRoom, roomName } from '../../../shared/protocol/rooms';
import { initDocument } from '../../../shared/ydoc/documentDoc';
import { docHref, navigate } from '../../app/route';
import { useApp } from '../../app/AppContext';
import { useRegistry } from '../../sync/RegistryContext';
import type { GroupIndexActions } from '../groups/useGroupIndex';

export function useCreateDocument(groupId: GroupId, actions: GroupIndexActions | null) {
  const registry = useRegistry();
  const { profile } = useApp();

  return useCallback(async () => {
    if (actions === null) return;
    const docId = newDocId();
    const room = roomName(docRoom(groupId, docId));
    const connection = registry.acquire(room);
    try {
      await connection.persistence.whenLoaded;
      initDocument(connection.doc, Date.now());
      actions.addDocument(docId, '', profile.name);
      await connection.persistence.whenWritten();
    } finally {
      registry.release(room);
    }
    navigate(docHref(groupId, docId));
  }, [actions, groupId, profile.name, registry]);
}
