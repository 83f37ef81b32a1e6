/**
 * Creates a document entirely on this computer (works offline): a fresh id, the document's own
 * initial state (blank, a template, or an imported file), its entry in the group index, then opens
 * it. The sidebar's "Nuevo documento" and the desktop menu's (Ctrl+N) both come here.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { newDocId, type DocId, type GroupId } from '../../../shared/model/ids';
import { docRoom, indexRoom, roomName } from '../../../shared/protocol/rooms';
import { initDocument } from '../../../shared/ydoc/documentDoc';
import { applyDocumentTemplate, documentTemplate } from '../../../shared/ydoc/documentTemplates';
import { addEntry } from '../../../shared/ydoc/groupIndexDoc';
import { useApp } from '../../app/AppContext';
import { docHref, navigate } from '../../app/route';
import type { DocRegistry } from '../../sync/DocRegistry';
import { useRegistry } from '../../sync/RegistryContext';
import { writeHtmlIntoDocument } from './import/importDocument';
import type { NewDocumentChoice } from './NewDocumentDialog';

/** Writes the new document and its index entry to IndexedDB, then navigates to it. */
export async function createDocument(
  registry: DocRegistry,
  groupId: GroupId,
  title: string,
  createdBy: string,
  /** Writes the first content (a template, an import) into the new document. */
  fill?: (doc: Y.Doc) => void,
  /** False when the caller links the document first (a meeting's minutes) and opens it itself. */
  open = true,
): Promise<DocId> {
  const docId = newDocId();
  const indexName = roomName(indexRoom(groupId));
  const docName = roomName(docRoom(groupId, docId));
  // The index may not be open (the menu can act on any group): hold both rooms until written.
  const index = registry.acquire(indexName);
  const doc = registry.acquire(docName);
  try {
    await Promise.all([index.persistence.whenLoaded, doc.persistence.whenLoaded]);
    initDocument(doc.doc, Date.now());
    fill?.(doc.doc);
    addEntry(index.doc, { id: docId, kind: 'doc', title, createdBy });
    await Promise.all([index.persistence.whenWritten(), doc.persistence.whenWritten()]);
  } finally {
    registry.release(docName);
    registry.release(indexName);
  }
  if (open) navigate(docHref(groupId, docId));
  return docId;
}

/** `createDocument` in `groupId` by the signed-in person, with an empty title ("Sin título" in lists). */
/** `createDocument` in `groupId` by the signed-in person: blank ("Sin título"), from a template or from a file. */
export function useCreateDocument(
  groupId: GroupId,
): (choice?: NewDocumentChoice) => Promise<DocId> {
  const registry = useRegistry();
  const { profile } = useApp();
  const { i18n } = useTranslation();
  return useCallback(
    (choice: NewDocumentChoice = { kind: 'template', templateId: 'blank' }) => {
      if (choice.kind === 'import') {
        const { title, html } = choice.file;
        return createDocument(registry, groupId, title, profile.name, (doc) =>
          writeHtmlIntoDocument(doc, html),
        );
      }
      const { templateId } = choice;
      if (templateId === 'blank') {
        // Stored empty: the title field shows its placeholder and lists show "Sin título".
        return createDocument(registry, groupId, '', profile.name);
      }
      return createDocument(
        registry,
        groupId,
        documentTemplate(templateId, i18n.language).title,
        profile.name,
        (doc) => applyDocumentTemplate(doc, templateId, i18n.language),
      );
    },
    [groupId, i18n.language, profile.name, registry],
  );
}
