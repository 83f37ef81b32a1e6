/**
 * The sync state in words and an icon. Its live form follows a status that changes twice per
 * keystroke (the change is pending, then the server's `saved` clears it) by writing the class and
 * the text into its own element instead of rendering: a React commit while the editor has focus
 * reads the selection's offset across the editor's whole DOM (getSelectionInformation), so two
 * commits per keystroke cost more than the keystroke itself in a long document.
 */
import { CloudAlert, CloudCheck, CloudOff, RefreshCw } from 'lucide-react';
import { useCallback, useLayoutEffect, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

export interface SyncIndicatorProps {
  connected: boolean;
  pending: number;
  /** The server's `saved` vector arrived on the current connection. */
  savedReceived: boolean;
  /** Pending changes the server refused because the person's role is read-only. */
  refused?: number;
  className?: string;
}

type SyncPhase = 'offline' | 'refused' | 'syncing' | 'saved';

/** What the sync state means to a person; `saved` vectors and stored changes decide it. */
export function syncPhase({ connected, pending, savedReceived, refused }: SyncIndicatorProps) {
  if (!connected) return 'offline' as const;
  // Refused changes will not reach the server until access returns: not "syncing" forever.
  if ((refused ?? 0) > 0) return 'refused' as const;
  if (pending > 0 || !savedReceived) return 'syncing' as const;
  return 'saved' as const;
}

function textOf(t: TFunction, props: SyncIndicatorProps, phase: SyncPhase): string {
  if (phase === 'offline') return t('sync.offline', { count: props.pending });
  if (phase === 'refused') return t('sync.refused', { count: props.refused });
  return phase === 'syncing' ? t('sync.syncing') : t('sync.saved');
}

/**
 * The words of each phase (and count) per language, translated once: i18next's lookup costs more
 * than the rest of an update.
 */
const translated = new WeakMap<TFunction, Map<string, string>>();

function textOfCached(t: TFunction, props: SyncIndicatorProps, phase: SyncPhase): string {
  let texts = translated.get(t);
  if (texts === undefined) translated.set(t, (texts = new Map()));
  const key =
    phase === 'offline'
      ? `offline|${props.pending}`
      : phase === 'refused'
        ? `refused|${props.refused ?? 0}`
        : phase;
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = textOf(t, props, phase)));
  return text;
}

const classOf = (phase: SyncPhase, className: string | undefined) =>
  `sync-indicator sync-${phase} ${className ?? ''}`;

const ICONS = [
  ['offline', CloudOff],
  ['refused', CloudAlert],
  ['syncing', RefreshCw],
  ['saved', CloudCheck],
] as const;

export function SyncIndicator({
  ref,
  ...props
}: SyncIndicatorProps & { ref?: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const phase = syncPhase(props);
  return (
    <div role="status" aria-live="polite" className={classOf(phase, props.className)} ref={ref}>
      {/* Every icon is there and the phase's class shows one, so the live form only sets a class. */}
      {ICONS.map(([iconPhase, Icon]) => (
        <Icon key={iconPhase} data-phase={iconPhase} aria-hidden="true" size={16} />
      ))}
      <span>{textOf(t, props, phase)}</span>
    </div>
  );
}

/**
 * The syncing icon turns only once syncing has lasted this long: an animation makes the browser
 * draw every frame while it runs, four frames per keystroke when each keystroke syncs for a moment.
 */
const SPIN_AFTER_MS = 1000;

/**
 * After syncing, "saved" is shown once it has held this long. Each keystroke syncs and is saved
 * within a few milliseconds, and changing the line's words twice per keystroke lays the page out
 * and paints it twice more than typing alone does; while someone types it stays "syncing", which
 * is true of the moments in between. This only ever shows "saved" later, never earlier.
 */
export const SAVED_SETTLE_MS = 400;

/**
 * The indicator of a status that `subscribe` announces and `read` reads, kept up to date without
 * rendering (see the header).
 */
export function LiveSyncIndicator({
  subscribe,
  read,
  className,
}: {
  subscribe: (listener: () => void) => () => void;
  read: () => SyncIndicatorProps;
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const spin = useRef<{ on: boolean; timer: ReturnType<typeof setTimeout> | null }>({
    on: false,
    timer: null,
  });
  const settle = useRef<{ since: number | null; timer: ReturnType<typeof setTimeout> | null }>({
    since: null,
    timer: null,
  });
  const apply = useCallback(
    function applyStatus() {
      const element = ref.current;
      if (element === null) return;
      const props = read();
      const phase = syncPhase(props);
      const settling = settle.current;
      if (phase === 'saved' && element.classList.contains('sync-syncing')) {
        const now = performance.now();
        settling.since ??= now;
        if (now - settling.since < SAVED_SETTLE_MS) {
          settling.timer ??= setTimeout(
            () => {
              settling.timer = null;
              applyStatus();
            },
            SAVED_SETTLE_MS - (now - settling.since),
          );
          return;
        }
      }
      if (settling.timer !== null) clearTimeout(settling.timer);
      settling.timer = null;
      settling.since = null;
      const spinning = spin.current;
      if (phase !== 'syncing') {
        if (spinning.timer !== null) clearTimeout(spinning.timer);
        spinning.timer = null;
        spinning.on = false;
      } else if (!spinning.on && spinning.timer === null) {
        spinning.timer = setTimeout(() => {
          spinning.timer = null;
          spinning.on = true;
          element.classList.add('sync-spin');
        }, SPIN_AFTER_MS);
      }
      const name = classOf(phase, className) + (spinning.on ? ' sync-spin' : '');
      if (element.className === name && phase !== 'offline' && phase !== 'refused') return;
      element.className = name;
      const text = textOfCached(t, props, phase);
      const span = element.querySelector('span')!;
      if (span.textContent !== text) span.textContent = text;
    },
    [read, className, t],
  );
  // After every render too: React compares with what it rendered last, not with the element.
  useLayoutEffect(apply);
  // Once per frame at most, and not inside the keystroke's own work: a change pending and the
  // `saved` that clears it within a frame write nothing, and the editor's measuring of the caret
  // after a keystroke does not lay out the header as well.
  useLayoutEffect(() => {
    let frame: number | null = null;
    const unsubscribe = subscribe(() => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        apply();
      });
    });
    const spinning = spin.current;
    const settling = settle.current;
    return () => {
      unsubscribe();
      if (frame !== null) cancelAnimationFrame(frame);
      if (spinning.timer !== null) clearTimeout(spinning.timer);
      spinning.timer = null;
      if (settling.timer !== null) clearTimeout(settling.timer);
      settling.timer = null;
    };
  }, [subscribe, apply]);
  return <SyncIndicator ref={ref} {...read()} className={className} />;
}
