/**
 * Creates a document entirely on this computer (works offline): a fresh id, an entry in the
 * group index, the document's own initial state (blank, a template, or an imported file), then
 * opens it.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { newDocId, type GroupId } from '../../../shared/model/ids';
import { docRoom, roomName } from '../../../shared/protocol/rooms';
import { initDocument } from '../../../shared/ydoc/documentDoc';
import { applyDocumentTemplate, documentTemplate } from '../../../shared/ydoc/documentTemplates';
import { docHref, navigate } from '../../app/route';
import { useApp } from '../../app/AppContext';
import { useRegistry } from '../../sync/RegistryContext';
import type { GroupIndexActions } from '../groups/useGroupIndex';
import { writeHtmlIntoDocument } from './import/importDocument';
import type { NewDocumentChoice } from './NewDocumentDialog';

export function useCreateDocument(groupId: GroupId, actions: GroupIndexActions | null) {
  const registry = useRegistry();
  const { profile } = useApp();
  const { t, i18n } = useTranslation();

  return useCallback(
    async (choice: NewDocumentChoice = { kind: 'template', templateId: 'blank' }) => {
      if (actions === null) return;
      const docId = newDocId();
      const room = roomName(docRoom(groupId, docId));
      const connection = registry.acquire(room);
      try {
        await connection.persistence.whenLoaded;
        initDocument(connection.doc, Date.now());
        let title = t('document.untitled');
        if (choice.kind === 'import') {
          writeHtmlIntoDocument(connection.doc, choice.file.html);
          title = choice.file.title;
        } else if (choice.templateId !== 'blank') {
          applyDocumentTemplate(connection.doc, choice.templateId, i18n.language);
          title = documentTemplate(choice.templateId, i18n.language).title;
        }
        actions.addDocument(docId, title, profile.name);
        await connection.persistence.whenWritten();
      } finally {
        registry.release(room);
      }
      navigate(docHref(groupId, docId));
    },
    [actions, groupId, i18n.language, profile.name, registry, t],
  );
}
