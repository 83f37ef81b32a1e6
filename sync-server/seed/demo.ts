/**
 * Writes the demo workspace (first run only): the workspace record, and for each working group
 * its index doc and documents, each stored as a single Yjs update, as if it had been synced.
 * The workspace record is written last, so a run interrupted halfway seeds again next time.
 */
import * as Y from 'yjs';
import { newDocId, newGroupId, type GroupId } from '../../shared/model/ids';
import type { WorkingGroup } from '../../shared/model/workspace';
import { docRoom, indexRoom, roomName } from '../../shared/protocol/rooms';
import { appendBlocks, initDocument } from '../../shared/ydoc/documentDoc';
import { addEntry, migrateGroupIndex } from '../../shared/ydoc/groupIndexDoc';
import { Origin } from '../../shared/ydoc/origins';
import type { Storage } from '../storage/storage';
import { DEMO_AUTHOR, DEMO_GROUPS, DEMO_WORKSPACE_NAME, type DemoGroup } from './demoContent';

export async function seedDemo(storage: Storage, now: number = Date.now()): Promise<void> {
  const groups: WorkingGroup[] = [];
  for (const group of DEMO_GROUPS) {
    const id = newGroupId();
    await seedGroup(storage, id, group, now);
    groups.push({ id, name: group.name, purpose: group.purpose });
  }
  await storage.saveWorkspace({ id: crypto.randomUUID(), name: DEMO_WORKSPACE_NAME, groups });
}

async function seedGroup(storage: Storage, groupId: GroupId, group: DemoGroup, now: number): Promise<void> {
  const index = new Y.Doc();
  migrateGroupIndex(index);
  for (const document of group.documents) {
    const docId = newDocId();
    const doc = new Y.Doc();
    initDocument(doc, now, Origin.seed);
    appendBlocks(doc, document.blocks, Origin.seed);
    await storage.appendUpdates(roomName(docRoom(groupId, docId)), [Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
    addEntry(index, { id: docId, kind: 'doc', title: document.title, createdBy: DEMO_AUTHOR, createdAt: now }, Origin.seed);
  }
  await storage.appendUpdates(roomName(indexRoom(groupId)), [Y.encodeStateAsUpdate(index)]);
  index.destroy();
}
