/**
 * Creates a board entirely on this computer (works offline): a fresh id, the board's template
 * written into its own Y.Doc, then its entry in the group index, then opens it.
 */
import { useCallback } from 'react';
import { newBoardId, type GroupId } from '../../../shared/model/ids';
import {
  applyTemplate,
  type TemplateId,
  type TemplateLanguage,
} from '../../../shared/ydoc/boardTemplates';
import { useApp } from '../../app/AppContext';
import { boardHref, navigate } from '../../app/route';
import { useRegistry } from '../../sync/RegistryContext';
import type { GroupIndexActions } from '../groups/useGroupIndex';

import { boardRoom } from './useBoard';

export interface NewBoardRequest {
  title: string;
  templateId: TemplateId;
  language: TemplateLanguage;
}

export function useCreateBoard(
  groupId: GroupId,
  addBoardEntry: GroupIndexActions['addBoard'] | null,
) {
  const registry = useRegistry();
  const { profile } = useApp();
  return useCallback(
    async ({ title, templateId, language }: NewBoardRequest) => {
      if (addBoardEntry === null) return;
      const boardId = newBoardId();
      const room = boardRoom(groupId, boardId);
      const connection = registry.acquire(room);
      try {
        await connection.persistence.whenLoaded;
        applyTemplate(connection.doc, templateId, language);
        addBoardEntry(boardId, title, profile.name);
        await connection.persistence.whenWritten();
      } finally {
        registry.release(room);
      }
      navigate(boardHref(groupId, boardId));
    },
    [addBoardEntry, groupId, profile.name, registry],
  );
}
