/**
 * The newest sign-off outcome of each document of a group, for the sidebar. The last answer of
 * the server is kept in the local database, so the outcomes show at once and while offline; the
 * server is asked again when the group is shown, when the connection returns and after anyone on
 * this computer asks for or answers a sign-off.
 */
import { useEffect, useState } from 'react';
import type { GroupId } from '../../../shared/model/ids';
import type { GroupSignoff } from '../../../shared/protocol/versionsApi';
import { ApiRequestError } from '../../api/client';
import { versionsApi } from '../../api/versions';
import { useApp } from '../../app/AppContext';
import { useRegistry } from '../../sync/RegistryContext';

export type SignoffsByDoc = ReadonlyMap<string, GroupSignoff>;

const EMPTY: SignoffsByDoc = new Map();
const changes = new EventTarget();

/** Tells every sidebar showing the group that one of its sign-offs changed. */
export function signoffsChanged(groupId: GroupId): void {
  changes.dispatchEvent(new CustomEvent('changed', { detail: groupId }));
}

const byDoc = (rows: readonly GroupSignoff[]): SignoffsByDoc =>
  new Map(rows.map((row) => [row.docId, row]));

export function useGroupSignoffs(groupId: GroupId): SignoffsByDoc {
  const { api } = useApp();
  const { db } = useRegistry();
  const [signoffs, setSignoffs] = useState<SignoffsByDoc>(EMPTY);

  useEffect(() => {
    let cancelled = false;
    let asked = 0;
    void db.signoffs.get(groupId).then(
      (row) => {
        // The server's answer, when it came first, is newer than the cache.
        if (!cancelled && row !== undefined && asked === 0) setSignoffs(byDoc(row.signoffs));
      },
      () => undefined,
    );
    const fetch = () => {
      const turn = ++asked;
      versionsApi.groupSignoffs(api, groupId).then(
        async ({ signoffs: rows }) => {
          if (cancelled || turn !== asked) return;
          setSignoffs(rows.length === 0 ? EMPTY : byDoc(rows));
          await db.signoffs.put({ groupId, signoffs: rows });
        },
        async (caught: unknown) => {
          // No longer a member: forget what this computer knew of the group's sign-offs.
          if (
            caught instanceof ApiRequestError &&
            (caught.status === 403 || caught.status === 404)
          ) {
            if (!cancelled) setSignoffs(EMPTY);
            await db.signoffs.delete(groupId);
          }
          // Offline or a server error: the cached outcomes stay.
        },
      );
    };
    const onChanged = (event: Event) => {
      if ((event as CustomEvent<GroupId>).detail === groupId) fetch();
    };
    fetch();
    changes.addEventListener('changed', onChanged);
    window.addEventListener('online', fetch);
    return () => {
      cancelled = true;
      changes.removeEventListener('changed', onChanged);
      window.removeEventListener('online', fetch);
    };
  }, [api, db, groupId]);

  return signoffs;
}
