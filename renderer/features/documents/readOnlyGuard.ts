/**
 * A read-only editor (viewer, commenter, archived document) never changes the document. Setting
 * Tiptap's `editable` to false stops typing but not plugins that normalise the document on their
 * own: TrailingNode appends an empty paragraph to a document that ends in a list. That write
 * reached the Y.Doc, the server refused it, and the change stayed "pending" forever (the header
 * said "Sincronizando…" and a reload asked "leave page?"). This plugin drops every document
 * change while the editor is not editable, except those the Yjs binding makes to show what
 * others wrote.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

export const ReadOnlyGuard = Extension.create({
  name: 'readOnlyGuard',
  addProseMirrorPlugins() {
    const { editor } = this;
    return [
      new Plugin({
        key: new PluginKey('readOnlyGuard'),
        filterTransaction: (tr) =>
          editor.isEditable || !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined,
      }),
    ];
  },
});
