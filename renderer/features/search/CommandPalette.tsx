/**
 * Ctrl+K (and the desktop menu's "Buscar"): one field that jumps to a group, document or board
 * by title, runs a command, and lists full-text results from the offline index below, grouped
 * by group and kind. The ARIA combobox pattern: focus stays in the field, arrows move the
 * active option (aria-activedescendant), Enter opens it, Escape closes.
 */
import './search.css';
import {
  FileText,
  KanbanSquare,
  MessageSquare,
  Search,
  SquareCheckBig,
  Terminal,
  Users,
} from 'lucide-react';
import { Dialog } from 'radix-ui';
import {
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardId, DocId, GroupId } from '../../../shared/model/ids';
import type { CardId } from '../../../shared/ydoc/boardDoc';
import { useApp } from '../../app/AppContext';
import { runAppCommand } from '../../app/localCommands';
import { boardHref, docHref, navigate } from '../../app/route';
import { isLanguage } from '../../i18n';
import { SHORTCUT_HELP_EVENT } from '../help/ShortcutHelp';
import { requestThreadFocus } from '../review/focusRequest';
import { setThemeChoice, useTheme } from '../theme/theme';
import { requestReveal } from './reveal';
import type { SearchHit } from './SearchIndex';
import { useSearchService, useSearchVersion } from './SearchContext';
import { fold, snippet, type SnippetPart } from './spanish';

interface Option {
  id: string;
  label: string;
  detail?: string;
  parts?: SnippetPart[];
  /** A document result: its snippet is read from the local copy when shown. */
  snippetOf?: { room: string; terms: string[]; queryTerms: string[] };
  icon: ReactNode;
  run: () => void;
}

interface Section {
  id: string;
  heading: string;
  options: Option[];
}

const ICON = { size: 16, 'aria-hidden': true } as const;

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) setQuery('');
        onOpenChange(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog palette" aria-describedby={undefined}>
          <Dialog.Title className="visually-hidden">{t('search.paletteTitle')}</Dialog.Title>
          {open && (
            <PaletteBody query={query} setQuery={setQuery} close={() => onOpenChange(false)} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PaletteBody({
  query,
  setQuery,
  close,
}: {
  query: string;
  setQuery: (query: string) => void;
  close: () => void;
}) {
  const { t, i18n } = useTranslation();
  // Read here, not inside the memo: `i18n` is one object whatever the language, so only this
  // value tells the memo that every label must be translated again.
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { me, settings } = useApp();
  const service = useSearchService();
  const version = useSearchVersion(service);
  const theme = useTheme();
  const listId = useId();
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const sections = useMemo<Section[]>(() => {
    const q = fold(deferred.trim());
    const groupName = new Map(me.memberships.map((m) => [m.group.id as string, m.group.name]));
    const go = (run: () => void) => () => {
      close();
      run();
    };

    const commands: Option[] = [
      {
        id: 'cmd-new-document',
        label: t('search.commands.newDocument'),
        icon: <FileText {...ICON} />,
        run: go(() => runAppCommand({ kind: 'new-document' })),
      },
      {
        id: 'cmd-new-board',
        label: t('search.commands.newBoard'),
        icon: <KanbanSquare {...ICON} />,
        run: go(() => runAppCommand({ kind: 'new-board' })),
      },
      {
        id: 'cmd-language',
        label: t('search.commands.language', {
          language: t(`language.${language.startsWith('en') ? 'es-419' : 'en'}`),
        }),
        icon: <Terminal {...ICON} />,
        // The palette stays open and shows itself in the new language at once.
        run: () => {
          const next = language.startsWith('en') ? 'es-419' : 'en';
          if (!isLanguage(next)) return;
          setQuery('');
          setActive(0);
          void i18n.changeLanguage(next);
          void settings.setLanguage(next);
        },
      },
      {
        id: 'cmd-theme',
        label: t(theme === 'dark' ? 'search.commands.lightTheme' : 'search.commands.darkTheme'),
        icon: <Terminal {...ICON} />,
        run: go(() => setThemeChoice(theme === 'dark' ? 'light' : 'dark')),
      },
      {
        id: 'cmd-shortcuts',
        label: t('search.commands.shortcuts'),
        icon: <Terminal {...ICON} />,
        run: go(() => window.dispatchEvent(new Event(SHORTCUT_HELP_EVENT))),
      },
    ].filter((option) => q === '' || fold(option.label).includes(q));

    const groups: Option[] = me.memberships
      .map((membership, position) => ({
        id: `group-${membership.group.id}`,
        label: membership.group.name,
        detail: t('search.kind.group'),
        icon: <Users {...ICON} />,
        run: go(() => runAppCommand({ kind: 'switch-group', index: position + 1 })),
      }))
      .filter((option) => q !== '' && fold(option.label).includes(q));

    const hits = q === '' ? [] : service.search(deferred, 80);
    const places: Option[] = [];
    const content = new Map<string, Section>();
    const seenDocs = new Map<string, number>();
    for (const hit of hits) {
      const { entry } = hit;
      const group = groupName.get(entry.groupId) ?? '';
      if (entry.room.endsWith('/index')) {
        places.push(placeOption(hit, group));
        continue;
      }
      if (entry.kind === 'doc') {
        // At most two blocks per document, so one long document does not fill the list.
        const seen = seenDocs.get(entry.targetId) ?? 0;
        if (seen >= 2) continue;
        seenDocs.set(entry.targetId, seen + 1);
      }
      const key = `${entry.groupId}|${entry.kind}`;
      let section = content.get(key);
      if (section === undefined) {
        section = {
          id: key,
          heading: t(
            entry.kind === 'card'
              ? 'search.inGroupCards'
              : entry.kind === 'comment'
                ? 'search.inGroupComments'
                : 'search.inGroupDocuments',
            { group },
          ),
          options: [],
        };
        content.set(key, section);
      }
      section.options.push(contentOption(hit));
    }

    function placeOption(hit: SearchHit, group: string): Option {
      const { entry } = hit;
      const title = entry.title.trim() === '' ? t('search.untitled') : entry.title;
      return {
        id: `place-${entry.id}`,
        label: title,
        detail: `${t(entry.kind === 'board' ? 'search.kind.board' : 'search.kind.document')} · ${group}`,
        icon: entry.kind === 'board' ? <KanbanSquare {...ICON} /> : <FileText {...ICON} />,
        run: go(() =>
          navigate(
            entry.kind === 'board'
              ? boardHref(entry.groupId as GroupId, entry.targetId as BoardId)
              : docHref(entry.groupId as GroupId, entry.targetId as DocId),
          ),
        ),
      };
    }

    function contentOption(hit: SearchHit): Option {
      const { entry, terms } = hit;
      const parentTitle = service.title(entry.groupId, entry.targetId) ?? '';
      const parent = parentTitle.trim() === '' ? t('search.untitled') : parentTitle;
      if (entry.kind === 'comment') {
        return {
          id: `hit-${entry.id}`,
          label: parent,
          detail: t(entry.resolved === true ? 'search.commentResolved' : 'search.comment'),
          parts: snippet(entry.snippet ?? '', terms),
          icon: <MessageSquare {...ICON} />,
          run: go(() => {
            if (entry.threadId !== undefined) requestThreadFocus(entry.targetId, entry.threadId);
            navigate(docHref(entry.groupId as GroupId, entry.targetId as DocId));
          }),
        };
      }
      const isCard = entry.kind === 'card';
      return {
        id: `hit-${entry.id}`,
        label: isCard ? entry.title : parent,
        detail: isCard ? t('search.cardOn', { board: parent }) : undefined,
        parts:
          entry.snippet === undefined || entry.snippet === ''
            ? undefined
            : snippet(entry.snippet, terms),
        snippetOf: isCard ? undefined : { room: entry.room, terms, queryTerms: hit.queryTerms },
        icon: isCard ? <SquareCheckBig {...ICON} /> : <FileText {...ICON} />,
        run: go(() => {
          if (isCard) {
            navigate(
              boardHref(
                entry.groupId as GroupId,
                entry.targetId as BoardId,
                (entry.cardId ?? null) as CardId | null,
              ),
            );
            return;
          }
          requestReveal({ targetId: entry.targetId, terms, queryTerms: hit.queryTerms });
          navigate(docHref(entry.groupId as GroupId, entry.targetId as DocId));
        }),
      };
    }

    const result: Section[] = [];
    if (places.length + groups.length > 0) {
      result.push({
        id: 'places',
        heading: t('search.goTo'),
        options: [...groups, ...places.slice(0, 8)],
      });
    }
    if (commands.length > 0) {
      result.push({ id: 'commands', heading: t('search.commandsHeading'), options: commands });
    }
    result.push(...content.values());
    return result;
    // `version` makes results follow index changes while the palette is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deferred, me, service, version, t, i18n, language, settings, theme, close, setQuery]);

  const options = useMemo(() => sections.flatMap((section) => section.options), [sections]);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));
  const activeOption = options[activeIndex];

  useEffect(() => {
    if (activeOption === undefined) return;
    document.getElementById(optionDomId(listId, activeOption.id))?.scrollIntoView({
      block: 'nearest',
    });
  }, [activeOption, listId]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      activeOption?.run();
    }
  };

  const searching = deferred.trim() !== '';
  const contentCount = sections
    .filter((section) => section.id !== 'places' && section.id !== 'commands')
    .reduce((sum, section) => sum + section.options.length, 0);

  return (
    <>
      <div className="palette-field">
        <Search aria-hidden="true" size={18} />
        <input
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            activeOption === undefined ? undefined : optionDomId(listId, activeOption.id)
          }
          aria-label={t('search.fieldLabel')}
          placeholder={t('search.placeholder')}
          value={query}
          autoFocus
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <kbd className="palette-kbd">Esc</kbd>
      </div>
      <div
        ref={listRef}
        className="palette-list"
        id={listId}
        role="listbox"
        aria-label={t('search.resultsLabel')}
      >
        {sections.map((section) => (
          <div
            key={section.id}
            role="group"
            aria-labelledby={`${listId}-${section.id}`}
            className="palette-section"
          >
            <div className="palette-heading" id={`${listId}-${section.id}`} role="presentation">
              {section.heading}
            </div>
            {section.options.map((option) => {
              const selected = option === activeOption;
              return (
                <div
                  key={option.id}
                  id={optionDomId(listId, option.id)}
                  role="option"
                  aria-selected={selected}
                  className={selected ? 'palette-option active' : 'palette-option'}
                  onMouseMove={() => {
                    const at = options.indexOf(option);
                    if (at !== activeIndex) setActive(at);
                  }}
                  onClick={option.run}
                >
                  <span className="palette-icon">{option.icon}</span>
                  <span className="palette-text">
                    <span className="palette-label">
                      {option.label.trim() === '' ? t('search.untitled') : option.label}
                      {option.detail !== undefined && (
                        <span className="palette-detail"> · {option.detail}</span>
                      )}
                    </span>
                    {option.snippetOf !== undefined && (
                      <DocumentSnippet
                        room={option.snippetOf.room}
                        terms={option.snippetOf.terms}
                        queryTerms={option.snippetOf.queryTerms}
                      />
                    )}
                    {option.parts !== undefined && (
                      <span className="palette-snippet">
                        {option.parts.map((part, i) =>
                          part.hit ? (
                            <mark key={i}>{part.text}</mark>
                          ) : (
                            <span key={i}>{part.text}</span>
                          ),
                        )}
                      </span>
                    )}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="palette-status" role="status">
        {searching
          ? contentCount === 0
            ? t('search.noResults', { query: deferred.trim() })
            : t('search.resultCount', { count: contentCount })
          : t('search.hint')}
      </p>
    </>
  );
}

function SnippetParts({ parts }: { parts: SnippetPart[] }) {
  return parts.map((part, i) =>
    part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
  );
}

/** The words around the hit in a document, read from this computer's copy once shown. */
function DocumentSnippet({
  room,
  terms,
  queryTerms,
}: {
  room: string;
  terms: string[];
  queryTerms: string[];
}) {
  const service = useSearchService();
  const [parts, setParts] = useState<SnippetPart[] | null>(null);
  const key = `${terms.join(' ')}|${queryTerms.join(' ')}`;
  useEffect(() => {
    let cancelled = false;
    const [highlight = '', query = ''] = key.split('|');
    void service
      .documentSnippet(room, highlight.split(' '), query.split(' '))
      .then((next) => {
        if (!cancelled) setParts(next);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [service, room, key]);
  if (parts === null || parts.length === 0) return null;
  return (
    <span className="palette-snippet">
      <SnippetParts parts={parts} />
    </span>
  );
}

function optionDomId(listId: string, optionId: string): string {
  return `${listId}-${optionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
