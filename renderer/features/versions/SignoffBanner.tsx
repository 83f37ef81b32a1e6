/**
 * The outcome of the newest institutional sign-off of a document, shown on the document
 * ("Aprobado por 5 de 6 organizaciones el 14 mar 2026"), and "El texto cambió después de la
 * aprobación" while the live text differs from the frozen version that was approved.
 */
import { BadgeCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { textChangedSince } from '../../../shared/ydoc/versions';
import { outcomeText } from './expediente';
import type { VersionsState } from './useVersions';

/** Whether the live body differs from a version's; checked after edits settle, not per keystroke. */
function useChangedSince(doc: Y.Doc, versions: VersionsState, versionId: string | null) {
  const [changed, setChanged] = useState(false);
  const { content } = versions;
  useEffect(() => {
    if (versionId === null) return;
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

export function SignoffBanner({ doc, versions }: { doc: Y.Doc; versions: VersionsState }) {
  const { t, i18n } = useTranslation();
  const latest = versions.versions?.find((version) => version.signoff !== null) ?? null;
  const changed = useChangedSince(doc, versions, latest?.id ?? null);
  if (latest === null || latest.signoff === null) return null;
  return (
    <div className={`signoff-banner signoff-outcome-${latest.signoff.outcome}`} role="status">
      <BadgeCheck aria-hidden="true" size={16} className="signoff-banner-icon" />
      <div>
        <p>
          <strong>{t('versions.signoff.bannerTitle', { name: latest.name })}</strong>{' '}
          {outcomeText(latest.signoff, t, i18n.language)}
        </p>
        {changed && (
          <p className="signoff-changed">
            {latest.signoff.outcome === 'approved'
              ? t('versions.signoff.changedAfter')
              : t('versions.signoff.changedSinceFrozen')}
          </p>
        )}
      </div>
    </div>
  );
}
