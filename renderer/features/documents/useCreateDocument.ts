/**
 * Creates a document entirely on this computer (works offline): a fresh id, the document's own
 * initial state, its entry in the group index, then opens it. The sidebar's "Nuevo documento"
 * and the desktop menu's (Ctrl+N) both come here.
 */
import { useCallback } from 'react';
import { newDocId, type GroupId } from '../../../shared/model/ids';
import { docRoom, indexRoom, roomName } from '../../../shared/protocol/rooms';
import { initDocument } from '../../../shared/ydoc/documentDoc';
import { addEntry } from '../../../shared/ydoc/groupIndexDoc';
import { useApp } from '../../app/AppContext';
import { docHref, navigate } from '../../app/route';
import type { DocRegistry } from '../../sync/DocRegistry';
import { useRegistry } from '../../sync/RegistryContext';

/** Writes the new document and its index entry to IndexedDB, then navigates to it. */
export async function createDocument(
  registry: DocRegistry,
  groupId: GroupId,
  title: string,
  createdBy: string,
): Promise<void> {
  const docId = newDocId();
  const indexName = roomName(indexRoom(groupId));
  const docName = roomName(docRoom(groupId, docId));
  // The index may not be open (the menu can act on any group): hold both rooms until written.
  const index = registry.acquire(indexName);
  const doc = registry.acquire(docName);
  try {
    await Promise.all([index.persistence.whenLoaded, doc.persistence.whenLoaded]);
    initDocument(doc.doc, Date.now());
    addEntry(index.doc, { id: docId, kind: 'doc', title, createdBy });
    await Promise.all([index.persistence.whenWritten(), doc.persistence.whenWritten()]);
  } finally {
    registry.release(docName);
    registry.release(indexName);
  }
  navigate(docHref(groupId, docId));
}

/** `createDocument` in `groupId` by the signed-in person, with an empty title ("Sin título" in lists). */
export function useCreateDocument(groupId: GroupId): () => Promise<void> {
  const registry = useRegistry();
  const { profile } = useApp();
  return useCallback(
    () => createDocument(registry, groupId, '', profile.name),
    [groupId, profile.name, registry],
  );
}
