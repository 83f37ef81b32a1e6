/**
 * Who owns each Yjs client id of a document's room, to name the author of each inserted run of a
 * comparison. Fetched once when a comparison opens and kept in localStorage, so a comparison made
 * offline still names the authors last seen. A client id missing from the map has no known author.
 */
import { useEffect, useState } from 'react';
import type { GroupId } from '../../../shared/model/ids';
import type { DocumentAuthor } from '../../../shared/protocol/versionsApi';
import { versionsApi } from '../../api/versions';
import { useApp } from '../../app/AppContext';

export type AuthorsByClient = ReadonlyMap<number, DocumentAuthor>;

const storageKey = (serverUrl: string, groupId: GroupId, docId: string) =>
  `minka:document-authors:${serverUrl}:${groupId}:${docId}`;

function toMap(list: DocumentAuthor[]): AuthorsByClient {
  return new Map(list.map((author) => [author.clientId, author]));
}

function cached(key: string): AuthorsByClient {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return toMap(Array.isArray(parsed) ? (parsed as DocumentAuthor[]) : []);
  } catch {
    return new Map();
  }
}

/** The authors of `docId`'s client ids; fetched the first time `wanted` is true. */
export function useDocumentAuthors(
  groupId: GroupId,
  docId: string,
  wanted: boolean,
): AuthorsByClient {
  const { api, serverUrl } = useApp();
  const key = storageKey(serverUrl, groupId, docId);
  const [authors, setAuthors] = useState<AuthorsByClient>(() => cached(key));
  const [fetched, setFetched] = useState(false);
  useEffect(() => {
    if (!wanted || fetched) return;
    let cancelled = false;
    versionsApi.authors(api, groupId, docId).then(
      (response) => {
        if (cancelled) return;
        localStorage.setItem(key, JSON.stringify(response.authors));
        setAuthors(toMap(response.authors));
        setFetched(true);
      },
      // Offline or refused: the cached map stands, and unknown client ids say so.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, docId, fetched, groupId, key, wanted]);
  return authors;
}
