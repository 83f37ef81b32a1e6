/**
 * The members of a group who can be @mentioned. Fetched from the server when online and kept in
 * localStorage, so mentions still work offline with the list last seen.
 */
import { useEffect, useState } from 'react';
import type { GroupId } from '../../../shared/model/ids';
import { listMembers } from '../../api/groups';
import { useApp } from '../../app/AppContext';
import type { MentionCandidate } from './mentions';

const storageKey = (serverUrl: string, groupId: GroupId) =>
  `minka:mention-candidates:${serverUrl}:${groupId}`;

function cached(key: string): MentionCandidate[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? (parsed as MentionCandidate[]) : [];
  } catch {
    return [];
  }
}

export function useMentionCandidates(groupId: GroupId): MentionCandidate[] {
  const { api, serverUrl } = useApp();
  const key = storageKey(serverUrl, groupId);
  const [candidates, setCandidates] = useState<MentionCandidate[]>(() => cached(key));
  useEffect(() => {
    let cancelled = false;
    listMembers(api, groupId).then(
      (response) => {
        if (cancelled) return;
        const list = response.members.map((member) => ({
          id: member.user.id,
          name: member.user.name,
          organization: member.user.organization.name,
        }));
        localStorage.setItem(key, JSON.stringify(list));
        setCandidates(list);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, groupId, key]);
  return candidates;
}
