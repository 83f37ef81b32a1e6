/**
 * A working group's table of contents as plain values, plus its named mutations. The group's
 * index room stays open while any component uses it.
 */
import { useMemo } from 'react';
import type { DocId, GroupId } from '../../../shared/model/ids';
import { indexRoom, roomName } from '../../../shared/protocol/rooms';
import {
  addEntry,
  archiveEntry,
  readGroupIndex,
  renameEntry,
  restoreEntry,
  type GroupIndex,
} from '../../../shared/ydoc/groupIndexDoc';
import { useDoc } from '../../sync/useDoc';
import { useYValue } from '../../sync/useYValue';

export interface GroupIndexActions {
  addDocument: (id: DocId, title: string, createdBy: string) => void;
  rename: (id: DocId, title: string) => void;
  archive: (id: DocId) => void;
  restore: (id: DocId) => void;
}

export interface UseGroupIndex {
  index: GroupIndex | null;
  actions: GroupIndexActions | null;
}

export function useGroupIndex(groupId: GroupId): UseGroupIndex {
  const { doc } = useDoc(roomName(indexRoom(groupId)));
  const index = useYValue(doc, readGroupIndex, null);
  const actions = useMemo<GroupIndexActions | null>(
    () =>
      doc === null
        ? null
        : {
            addDocument: (id, title, createdBy) =>
              addEntry(doc, { id, kind: 'doc', title, createdBy }),
            rename: (id, title) => renameEntry(doc, id, title),
            archive: (id) => archiveEntry(doc, id),
            restore: (id) => restoreEntry(doc, id),
          },
    [doc],
  );
  return { index, actions };
}
