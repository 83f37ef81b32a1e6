/**
 * The group's members (name and organization) from the server, offered as assignees. Offline
 * the list is simply empty: people seen on the board and names typed by hand still work.
 */
import { useEffect, useState } from 'react';
import type { GroupId } from '../../../shared/model/ids';
import { listMembers } from '../../api/groups';
import { useApp } from '../../app/AppContext';

export interface GroupMember {
  name: string;
  organization: string;
}

export function useGroupMembers(groupId: GroupId): GroupMember[] {
  const { api } = useApp();
  const [members, setMembers] = useState<GroupMember[]>([]);
  useEffect(() => {
    let cancelled = false;
    listMembers(api, groupId).then(
      (response) => {
        if (cancelled) return;
        setMembers(
          response.members.map((member) => ({
            name: member.user.name,
            organization: member.user.organization.name,
          })),
        );
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, groupId]);
  return members;
}
