/**
 * A group's members panel. Every member sees who takes part (organization and its kind, role);
 * leads and workspace admins also invite (getting a single-use link to send), change roles,
 * remove people and answer access requests. The server decides; this only offers what the
 * person's role allows and says plainly when the server refuses.
 */
import { Trash2 } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_ROLES, type GroupRole } from '../../../shared/model/accounts';
import type { GroupId } from '../../../shared/model/ids';
import type { AccessRequest, Invitation, Member } from '../../../shared/protocol/api';
import { useApp } from '../../app/AppContext';
import { apiErrorText } from '../../api/client';
import {
  approveAccessRequest,
  changeMemberRole,
  declineAccessRequest,
  fetchGroup,
  listAccessRequests,
  listMembers,
  removeMember,
} from '../../api/groups';
import { listGroupInvitations, revokeInvitation } from '../../api/invitations';
import { AccessRequests } from './AccessRequests';
import { InviteForm } from './InviteForm';
import { PendingInvitations } from './PendingInvitations';
import { ConfirmButton } from '../common/ConfirmButton';

export function MembersPanel({ groupId, canManage }: { groupId: GroupId; canManage: boolean }) {
  const { t } = useTranslation();
  const { api, me, refreshMe } = useApp();
  const membership = me.memberships.find((candidate) => candidate.group.id === groupId);
  const [groupName, setGroupName] = useState(membership?.group.name ?? '');
  const [members, setMembers] = useState<Member[] | null>(null);
  const [requests, setRequests] = useState<AccessRequest[]>([]);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    const fail = (caught: unknown) => {
      if (!cancelled) setError(apiErrorText(caught, t));
    };
    // Each part on its own: an admin outside the group may manage requests without seeing its members.
    fetchGroup(api, groupId).then((group) => !cancelled && setGroupName(group.name), fail);
    listMembers(api, groupId).then(({ members: list }) => !cancelled && setMembers(list), fail);
    if (canManage) {
      listAccessRequests(api, groupId).then(
        ({ requests: list }) =>
          !cancelled && setRequests(list.filter((request) => request.status === 'pending')),
        fail,
      );
      listGroupInvitations(api, groupId).then(
        ({ invitations: list }) =>
          !cancelled &&
          setInvitations(list.filter((invitation) => invitation.status === 'pending')),
        fail,
      );
    }
    return () => {
      cancelled = true;
    };
  }, [api, groupId, canManage, t, version]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setAnnouncement(done);
      setError(null);
    } catch (caught) {
      setError(apiErrorText(caught, t));
    }
    reload();
    void refreshMe();
  };

  const roleLabel = (role: GroupRole) => t(`account.roles.${role}`);

  return (
    <section className="page" aria-labelledby="members-title">
      <h1 id="members-title" className="page-title">
        {t('members.title', { group: groupName })}
      </h1>
      <p className="page-intro">{t('members.intro')}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {members === null ? (
        error === null && <p className="view-note">{t('members.loading')}</p>
      ) : (
        <table className="data-table" aria-label={t('members.tableLabel', { group: groupName })}>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.organization')}</th>
              <th scope="col">{t('members.kind')}</th>
              <th scope="col">{t('members.role')}</th>
              {canManage && <th scope="col">{t('members.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.user.id}>
                <th scope="row">
                  <span
                    className="member-dot"
                    style={{ background: member.user.colour }}
                    aria-hidden="true"
                  />
                  {member.user.name}{' '}
                  {member.user.id === me.user.id && (
                    <span className="muted">{t('members.you')}</span>
                  )}
                  <span className="member-email">{member.user.email}</span>
                </th>
                <td>{member.user.organization.name}</td>
                <td>{t(`account.kinds.${member.user.organization.kind}`)}</td>
                <td>
                  {canManage ? (
                    <select
                      aria-label={t('members.roleOf', { name: member.user.name })}
                      value={member.role}
                      onChange={(event) => {
                        const role = event.target.value as GroupRole;
                        void act(
                          () => changeMemberRole(api, groupId, member.user.id, role),
                          t('members.roleChanged', {
                            name: member.user.name,
                            role: roleLabel(role),
                          }),
                        );
                      }}
                    >
                      {GROUP_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {roleLabel(role)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    roleLabel(member.role)
                  )}
                </td>
                {canManage && (
                  <td>
                    <RemoveButton
                      name={member.user.name}
                      onConfirm={() =>
                        void act(
                          () => removeMember(api, groupId, member.user.id),
                          t('members.removed', { name: member.user.name }),
                        )
                      }
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!canManage && members !== null && <p className="page-note">{t('members.manageNote')}</p>}
      {canManage && (
        <div className="members-columns">
          <AccessRequests
            requests={requests}
            onApprove={(request, role) =>
              void act(
                () => approveAccessRequest(api, groupId, request.id, role),
                t('members.requests.approved', { name: request.user.name, role: roleLabel(role) }),
              )
            }
            onDecline={(request) =>
              void act(
                () => declineAccessRequest(api, groupId, request.id),
                t('members.requests.declined', { name: request.user.name }),
              )
            }
          />
          <div className="members-stack">
            <InviteForm groupId={groupId} onInvited={reload} />
            <PendingInvitations
              invitations={invitations}
              onRevoke={(invitation) =>
                void act(
                  () => revokeInvitation(api, invitation.id),
                  t('members.invitations.revoked', { email: invitation.email }),
                )
              }
            />
          </div>
        </div>
      )}
    </section>
  );
}

function RemoveButton({ name, onConfirm }: { name: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('members.removeNamed', { name })}
      className="button button-quiet button-small"
      title={t('members.removeTitle', { name })}
      description={t('members.removeBody')}
      cancelLabel={t('members.cancel')}
      confirmLabel={t('members.remove')}
      onConfirm={onConfirm}
    >
      <Trash2 aria-hidden="true" size={14} />
      {t('members.remove')}
    </ConfirmButton>
  );
}
