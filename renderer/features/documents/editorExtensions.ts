/**
 * The editor's schema and behaviour in one list. History is Yjs's (through Collaboration), so
 * undo only reverts this person's own changes; StarterKit's local history is switched off.
 */
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import Highlight from '@tiptap/extension-highlight';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { getDocumentBody } from '../../../shared/ydoc/documentDoc';
import { Callout } from './callout';
import { DocumentImage } from './images/documentImage';
import { bodyMention } from '../review/bodyMention';
import { ReviewExtension } from '../review/reviewExtension';
import { ReadOnlyGuard } from './readOnlyGuard';
import { FastTableCell, FastTableHeader } from './tableCells';
import { CollaborationCarets, type CaretUser } from './collaborationCarets';

/** Accepts only http(s) and mailto addresses with no spaces (linkify knows these schemes already). */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.length === 0 || /\s/.test(trimmed)) return false;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol === 'mailto:') return parsed.pathname.includes('@');
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0
    );
  } catch {
    return false;
  }
}

/**
 * What a person typed as a link, as the editor stores it: "minem.gob.pe" or "www.gob.pe/minem"
 * become https addresses; an address with a scheme is kept as typed. Null when it is not a link
 * the editor accepts.
 */
export function normalizeLink(input: string): string | null {
  const trimmed = input.trim();
  if (isAllowedLink(trimmed)) return trimmed;
  if (/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u.test(trimmed)) {
    const withScheme = `https://${trimmed}`;
    return isAllowedLink(withScheme) ? withScheme : null;
  }
  return null;
}

export type { CaretUser };

export function editorExtensions(options: {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  user: CaretUser;
  placeholder: string;
  /** The screen-reader name of a task's checkbox, in the UI language. */
  taskLabel?: (text: string, checked: boolean) => string;
  /** The accessible name of the "@" list of people. */
  mentionListLabel?: string;
  /** Told when a pasted, dropped or chosen image file cannot be added. */
  onImageError?: (error: unknown) => void;
}): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLink(url),
        shouldAutoLink: (url) => isAllowedLink(url.includes(':') ? url : `https://${url}`),
      },
    }),
    TaskList,
    TaskItem.configure({
      nested: true,
      a11y:
        options.taskLabel === undefined
          ? undefined
          : { checkboxLabel: (node, checked) => options.taskLabel!(node.textContent, checked) },
    }),
    // Columns never shrink below a readable width: a wide table scrolls sideways instead.
    TableKit.configure({
      table: { resizable: true, cellMinWidth: 120 },
      tableCell: false,
      tableHeader: false,
    }),
    FastTableCell,
    FastTableHeader,
    Highlight,
    Callout,
    DocumentImage.configure({ onError: options.onImageError ?? (() => undefined) }),
    Placeholder.configure({ placeholder: options.placeholder }),
    Collaboration.configure({ document: options.doc, fragment: getDocumentBody(options.doc) }),
    ReviewExtension,
    bodyMention(options.mentionListLabel ?? ''),
    ReadOnlyGuard,
  ];
  if (options.provider !== null) {
    extensions.push(
      CollaborationCarets.configure({ awareness: options.provider.awareness, user: options.user }),
    );
  }
  return extensions;
}
