/**
 * A document's versions: the server's list, the versions saved on this computer and not yet sent
 * (the outbox), and the actions of the history panel. Saving captures the state the person sees
 * at that moment, so a version made offline holds exactly that state when it reaches the server.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { GroupId } from '../../../shared/model/ids';
import type { VersionSummary } from '../../../shared/protocol/versionsApi';
import { captureVersionState, restoreVersion } from '../../../shared/ydoc/versions';
import { fromBase64, toBase64, versionsApi } from '../../api/versions';
import { useApp } from '../../app/AppContext';
import { enqueue, flushOutbox } from '../../storage/outbox';
import type { OutboxRow } from '../../storage/workspaceDb';
import { useRegistry } from '../../sync/RegistryContext';

export interface QueuedVersion {
  seq: number;
  name: string;
  capturedAt: string;
  /** The code of the server's refusal, when it refused the version. */
  failed: string | null;
}

/**
 * The versions of one document, with saving and restoring bound to its open Y.Doc (null while
 * it loads), so the panels that show them hold plain values and named actions only.
 */
export function useVersions(groupId: GroupId, docId: string, doc: Y.Doc | null) {
  const { api } = useApp();
  const { db } = useRegistry();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [queued, setQueued] = useState<QueuedVersion[]>([]);
  const [error, setError] = useState<unknown>(null);
  const contents = useRef(new Map<string, Uint8Array>());

  const send = useCallback(
    async (row: OutboxRow) => {
      await versionsApi.create(api, row.groupId as GroupId, row.docId, row.body);
    },
    [api],
  );

  /** Sends what the outbox holds, then reads the queue and the server's list. */
  const load = useCallback(async () => {
    await flushOutbox(db, send);
    const rows = await db.outbox.where('docId').equals(docId).toArray();
    const queue = rows.map((row): QueuedVersion => ({
      seq: row.seq!,
      name: row.body.name,
      capturedAt: row.body.capturedAt ?? new Date(row.at).toISOString(),
      failed: row.failed ?? null,
    }));
    try {
      return { queue, list: (await versionsApi.list(api, groupId, docId)).versions, failure: null };
    } catch (caught) {
      return { queue, list: null, failure: caught };
    }
  }, [api, db, docId, groupId, send]);

  const apply = useCallback((result: Awaited<ReturnType<typeof load>>) => {
    setQueued(result.queue);
    if (result.list !== null) setVersions(result.list);
    setError(result.failure);
  }, []);

  const refresh = useCallback(() => load().then(apply), [apply, load]);

  useEffect(() => {
    let cancelled = false;
    const run = () =>
      void load().then((result) => {
        if (!cancelled) apply(result);
      });
    run();
    window.addEventListener('online', run);
    return () => {
      cancelled = true;
      window.removeEventListener('online', run);
    };
  }, [apply, load]);

  const save = useCallback(
    async (name: string, note: string) => {
      if (doc === null) return;
      const { update, stateVector } = captureVersionState(doc);
      await enqueue(db, {
        kind: 'createVersion',
        groupId,
        docId,
        at: Date.now(),
        body: {
          id: crypto.randomUUID(),
          name,
          note: note === '' ? undefined : note,
          update: toBase64(update),
          stateVector: toBase64(stateVector),
          capturedAt: new Date().toISOString(),
        },
      });
      await refresh();
    },
    [db, doc, docId, groupId, refresh],
  );

  /** The live text's encoded state, to compare a version with. */
  const current = useCallback(
    () => (doc === null ? new Uint8Array() : captureVersionState(doc).update),
    [doc],
  );

  /** A version's encoded state (fetched once). */
  const content = useCallback(
    async (versionId: string): Promise<Uint8Array> => {
      const known = contents.current.get(versionId);
      if (known !== undefined) return known;
      const version = await versionsApi.get(api, groupId, docId, versionId);
      const bytes = fromBase64(version.update);
      contents.current.set(versionId, bytes);
      return bytes;
    },
    [api, docId, groupId],
  );

  /** The server keeps the current text first; then the version comes back as new edits. */
  const restore = useCallback(
    async (versionId: string) => {
      if (doc === null) return;
      const bytes = await content(versionId);
      await versionsApi.beforeRestore(api, groupId, docId, versionId);
      restoreVersion(doc, bytes);
      await refresh();
    },
    [api, content, doc, docId, groupId, refresh],
  );

  return { versions, queued, error, refresh, save, current, content, restore };
}

export type VersionsState = ReturnType<typeof useVersions>;
