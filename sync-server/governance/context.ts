/**
 * The issue-15 stores of one server, made once per AccountStore (they keep no state of their
 * own beyond the `Sql` they are given) and shared by the governance, regulation and mission
 * routes; plus the access checks those routes share.
 */
import type { GroupRole, WorkingGroupSummary } from '../../shared/model/accounts';
import type { AuditAction } from '../../shared/protocol/api';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../http/failure';
import { roleIn, visibleGroup } from '../http/permissions';
import type { ApiContext, AuthedCall } from '../http/route';
import { GovernanceStore } from './governanceStore';
import { MissionStore } from './missionStore';
import { RegulationStore } from './regulationStore';

interface Stores {
  governance: GovernanceStore;
  regulations: RegulationStore;
  missions: MissionStore;
}

const cache = new WeakMap<object, Stores>();

export function storesOf(context: ApiContext): Stores {
  let stores = cache.get(context.store);
  if (stores === undefined) {
    const sql = context.store.sql;
    stores = {
      governance: new GovernanceStore(sql, context.now),
      regulations: new RegulationStore(sql, context.now),
      missions: new MissionStore(sql, context.now),
    };
    cache.set(context.store, stores);
  }
  return stores;
}

/** What a write asks of the caller's role, and what it is (for the refusal's sentence). */
export type Need = { editor: string } | { lead: string };

/**
 * The group and the caller's role in it; a non-member is refused like elsewhere, and so is a
 * role short of `need`.
 */
export async function memberOf(
  call: AuthedCall,
  what: string,
  need?: Need,
): Promise<{ group: WorkingGroupSummary; role: GroupRole }> {
  const group = await visibleGroup(call.context, call.session, call.params.groupId!);
  const role = await roleIn(call.context, call.session, group);
  if (role === null) {
    throw new ApiFailure(
      403,
      'not_a_member',
      `Solo los miembros de este grupo ven ${what}; solicite acceso desde el directorio.`,
    );
  }
  if (need !== undefined && 'editor' in need) requireEditor(role, need.editor);
  if (need !== undefined && 'lead' in need) requireLead(role, need.lead);
  return { group, role };
}

/**
 * Runs `write` and appends its audit row (the detail `write` returns, the caller as actor) in one
 * transaction.
 */
export async function audited(
  call: AuthedCall,
  groupId: string,
  action: AuditAction,
  write: (tx: Sql) => Promise<Record<string, unknown>>,
): Promise<void> {
  const { governance } = storesOf(call.context);
  await governance.sql.transaction(async (tx) => {
    const detail = await write(tx);
    await governance.audit(tx, { action, actorId: call.session.user.id, groupId, detail });
  });
}

export function requireEditor(role: GroupRole, what: string): void {
  if (role !== 'lead' && role !== 'editor') {
    throw new ApiFailure(403, 'forbidden', `Solo líderes y editores del grupo pueden ${what}.`);
  }
}

export function requireLead(role: GroupRole, what: string): void {
  if (role !== 'lead') {
    throw new ApiFailure(
      403,
      'forbidden',
      `Solo quienes coordinan el grupo (líderes) pueden ${what}.`,
    );
  }
}
