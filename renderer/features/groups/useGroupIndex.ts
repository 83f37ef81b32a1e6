/**
 * A working group's table of contents as plain values (all entries, and its documents and
 * boards apart), plus its named mutations. The group's index room stays open while any
 * component uses it; the sidebar, the document and the board views share it.
 */
import { useMemo } from 'react';
import type { BoardId, DocId, EntryId, GroupId } from '../../../shared/model/ids';
import { indexRoom, roomName } from '../../../shared/protocol/rooms';
import {
  addEntry,
  archiveEntry,
  readGroupIndex,
  renameEntry,
  restoreEntry,
  type GroupIndex,
  type IndexEntry,
} from '../../../shared/ydoc/groupIndexDoc';
import { useDoc } from '../../sync/useDoc';
import { useYValue } from '../../sync/useYValue';

export interface GroupIndexActions {
  addDocument: (id: DocId, title: string, createdBy: string) => void;
  addBoard: (id: BoardId, title: string, createdBy: string) => void;
  rename: (id: EntryId, title: string) => void;
  archive: (id: EntryId) => void;
  restore: (id: EntryId) => void;
}

export interface UseGroupIndex {
  index: GroupIndex | null;
  documents: IndexEntry[] | null;
  boards: IndexEntry[] | null;
  actions: GroupIndexActions | null;
}

export function useGroupIndex(groupId: GroupId): UseGroupIndex {
  const { doc } = useDoc(roomName(indexRoom(groupId)));
  const index = useYValue(doc, readGroupIndex, null);
  const documents = useMemo(
    () => index?.entries.filter((entry) => entry.kind === 'doc') ?? null,
    [index],
  );
  const boards = useMemo(
    () => index?.entries.filter((entry) => entry.kind === 'board') ?? null,
    [index],
  );
  const actions = useMemo<GroupIndexActions | null>(
    () =>
      doc === null
        ? null
        : {
            addDocument: (id, title, createdBy) =>
              addEntry(doc, { id, kind: 'doc', title, createdBy }),
            addBoard: (id, title, createdBy) =>
              addEntry(doc, { id, kind: 'board', title, createdBy }),
            rename: (id, title) => renameEntry(doc, id, title),
            archive: (id) => archiveEntry(doc, id),
            restore: (id) => restoreEntry(doc, id),
          },
    [doc],
  );
  return { index, documents, boards, actions };
}
