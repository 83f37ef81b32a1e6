/**
 * The newest institutional sign-off of the open document and whether its live text moved on
 * since the signed version, as plain values for the banner.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { VersionSummary } from '../../../shared/protocol/versionsApi';
import { textChangedSince } from '../../../shared/ydoc/versions';
import type { VersionsState } from './useVersions';

export interface Signoff {
  /** The newest version that went through a sign-off, or null. */
  latest: VersionSummary | null;
  /** The live text differs from that version's. */
  changed: boolean;
}

/** Whether the live body differs from a version's; checked after edits settle, not per keystroke. */
function useChangedSince(doc: Y.Doc | null, versions: VersionsState, versionId: string | null) {
  const [changed, setChanged] = useState(false);
  const { content } = versions;
  useEffect(() => {
    if (versionId === null || doc === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frozen: Uint8Array | null = null;
    const check = () => {
      if (frozen !== null && !cancelled) setChanged(textChangedSince(frozen, doc));
    };
    const onUpdate = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(check, 600);
    };
    content(versionId).then(
      (bytes) => {
        frozen = bytes;
        check();
      },
      () => undefined,
    );
    doc.on('update', onUpdate);
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [content, doc, versionId]);
  return versionId !== null && changed;
}

export function useSignoff(doc: Y.Doc | null, versions: VersionsState): Signoff {
  const latest = versions.versions?.find((version) => version.signoff !== null) ?? null;
  return { latest, changed: useChangedSince(doc, versions, latest?.id ?? null) };
}
