/**
 * The boards in a group's index, and the index mutations for them. Opens the same index room
 * as the sidebar's documents (the registry shares it).
 */
import { useMemo } from 'react';
import type { BoardId, GroupId } from '../../../shared/model/ids';
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

export interface GroupBoardActions {
  addBoard: (id: string, title: string, createdBy: string) => void;
  rename: (id: BoardId, title: string) => void;
  archive: (id: BoardId) => void;
  restore: (id: BoardId) => void;
}

export function useGroupBoards(groupId: GroupId): {
  index: GroupIndex | null;
  boards: IndexEntry[] | null;
  actions: GroupBoardActions | null;
} {
  const { doc } = useDoc(roomName(indexRoom(groupId)));
  const index = useYValue(doc, readGroupIndex, null);
  const boards = useMemo(
    () => index?.entries.filter((entry) => entry.kind === 'board') ?? null,
    [index],
  );
  const actions = useMemo<GroupBoardActions | null>(
    () =>
      doc === null
        ? null
        : {
            addBoard: (id, title, createdBy) =>
              addEntry(doc, { id: id as BoardId, kind: 'board', title, createdBy }),
            rename: (id, title) => renameEntry(doc, id, title),
            archive: (id) => archiveEntry(doc, id),
            restore: (id) => restoreEntry(doc, id),
          },
    [doc],
  );
  return { index, boards, actions };
}
