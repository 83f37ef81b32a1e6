/**
 * @mentions in the document body: typing "@" offers the group's members (the same accent-
 * insensitive matching as in comments) and inserts a mention node carrying the user id; the
 * server notifies the person when the body reaches it. The list is plain DOM (it lives inside
 * the editor), a listbox driven from the keyboard: arrows, Enter or Tab, Escape.
 */
import { mergeAttributes } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';
import { matchMentions, type MentionCandidate } from './mentions';
import { reviewPluginKey } from './reviewExtension';

type Props = SuggestionProps<MentionCandidate, { id: string; label: string }>;

function popup(listLabel: string) {
  let element: HTMLUListElement | null = null;
  let props: Props | null = null;
  let active = 0;

  const draw = () => {
    if (element === null || props === null) return;
    const current = props;
    element.replaceChildren(
      ...current.items.map((person, index) => {
        const item = document.createElement('li');
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', String(index === active));
        item.className = index === active ? 'is-active' : '';
        const name = document.createElement('span');
        name.className = 'mention-name';
        name.textContent = person.name;
        const org = document.createElement('span');
        org.className = 'mention-org';
        org.textContent = person.organization;
        item.append(name, org);
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          current.command({ id: person.id, label: person.name });
        });
        return item;
      }),
    );
    element.hidden = current.items.length === 0;
    const rect = current.clientRect?.();
    if (rect) {
      element.style.left = `${rect.left}px`;
      element.style.top = `${rect.bottom + 4}px`;
    }
  };

  return {
    onStart(next: Props) {
      props = next;
      active = 0;
      element = document.createElement('ul');
      element.className = 'mention-list is-floating';
      element.setAttribute('role', 'listbox');
      element.setAttribute('aria-label', listLabel);
      document.body.append(element);
      draw();
    },
    onUpdate(next: Props) {
      props = next;
      active = Math.min(active, Math.max(0, next.items.length - 1));
      draw();
    },
    onKeyDown({ event }: SuggestionKeyDownProps): boolean {
      if (props === null || props.items.length === 0) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        active = (active + step + props.items.length) % props.items.length;
        draw();
        return true;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const person = props.items[active]!;
        props.command({ id: person.id, label: person.name });
        return true;
      }
      return event.key === 'Escape';
    },
    onExit() {
      element?.remove();
      element = null;
      props = null;
    },
  };
}

export function bodyMention(listLabel: string) {
  return Mention.configure({
    renderText: ({ node }) => `@${String(node.attrs.label ?? '')}`,
    renderHTML: ({ node }) => [
      'span',
      mergeAttributes({ class: 'mention-chip', 'data-user-id': node.attrs.id }),
      `@${String(node.attrs.label ?? '')}`,
    ],
    suggestion: {
      char: '@',
      allowSpaces: true,
      items: ({ query, editor }) =>
        matchMentions(query, reviewPluginKey.getState(editor.state)?.candidates ?? []),
      render: () => popup(listLabel),
    },
  });
}
