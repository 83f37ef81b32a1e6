/**
 * The editor's schema and behaviour in one list. History is Yjs's (through Collaboration), so
 * undo only reverts this person's own changes; StarterKit's local history is switched off.
 */
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { getDocumentBody } from '../../../shared/ydoc/documentDoc';
import { bodyMention } from '../review/bodyMention';
import { ReviewExtension } from '../review/reviewExtension';
import { ReadOnlyGuard } from './readOnlyGuard';

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

export interface CaretUser {
  name: string;
  color: string;
}

export function editorExtensions(options: {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  user: CaretUser;
  placeholder: string;
  /** The accessible name of the "@" list of people. */
  mentionListLabel?: string;
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
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: true } }),
    Placeholder.configure({ placeholder: options.placeholder }),
    Collaboration.configure({ document: options.doc, fragment: getDocumentBody(options.doc) }),
    ReviewExtension,
    bodyMention(options.mentionListLabel ?? ''),
    ReadOnlyGuard,
  ];
  if (options.provider !== null) {
    extensions.push(
      CollaborationCaret.configure({ provider: options.provider, user: options.user }),
    );
  }
  return extensions;
}
