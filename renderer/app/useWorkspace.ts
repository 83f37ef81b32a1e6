/**
 * The workspace (name and working groups) from the server, cached in IndexedDB so the app
 * opens offline. The cache shows at once; a fresh copy replaces it when the server answers
 * (on start, on retry and whenever the browser comes back online).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkspaceResponse } from '../../shared/protocol/api';
import { API_PATHS } from '../../shared/protocol/api';
import type { Workspace } from '../../shared/model/workspace';
import { readCachedWorkspace, writeCachedWorkspace, type WorkspaceDexie } from '../storage/workspaceDb';

export type WorkspaceState =
  | { kind: 'loading' }
  | { kind: 'ready'; workspace: Workspace }
  | { kind: 'unreachable'; code: string };

async function fetchWorkspace(serverUrl: string): Promise<Workspace> {
  const response = await fetch(new URL(API_PATHS.workspace, serverUrl), {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`HTTP_${response.status}`);
  const body = (await response.json()) as WorkspaceResponse;
  if (typeof body.name !== 'string' || !Array.isArray(body.groups)) throw new Error('BAD_RESPONSE');
  return body;
}

function errorCode(error: unknown): string {
  if (error instanceof Error && /^(HTTP_\d+|BAD_RESPONSE)$/.test(error.message)) return error.message;
  return 'NETWORK';
}

export function useWorkspace(serverUrl: string, db: WorkspaceDexie): {
  state: WorkspaceState;
  retry: () => void;
} {
  const [state, setState] = useState<WorkspaceState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let cached: Workspace | null = null;
    void (async () => {
      cached = await readCachedWorkspace(db);
      if (cancelled) return;
      if (cached !== null) setState({ kind: 'ready', workspace: cached });
      try {
        const fresh = await fetchWorkspace(serverUrl);
        if (cancelled) return;
        await writeCachedWorkspace(db, fresh);
        setState({ kind: 'ready', workspace: fresh });
      } catch (error) {
        if (!cancelled && cached === null) setState({ kind: 'unreachable', code: errorCode(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [serverUrl, db, attempt]);

  useEffect(() => {
    const refresh = () => setAttempt((n) => n + 1);
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, []);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
