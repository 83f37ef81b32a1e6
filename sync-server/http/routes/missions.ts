/**
 * International missions API (issue 15; contract in shared/protocol/missionsApi.ts). Members read
 * missions; leads and editors create them, keep the agenda and write lessons learned; any
 * member but a viewer applies for their own organization; leads select, confirm or decline
 * participants and record follow-up agreements, which enter the group's governance register.
 */
import { randomUUID } from 'node:crypto';
import {
  agendaItemBody,
  applicationBody,
  followUpBody,
  missionBody,
  missionPatchBody,
  participantBody,
  type Mission,
  type MissionsResponse,
} from '../../../shared/protocol/missionsApi';
import { audited, memberOf, storesOf, type Need } from '../../governance/context';
import type { MissionRecord } from '../../governance/missionStore';
import { assembleAgreements } from '../../governance/register';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { created, ok, type AuthedCall, type Route } from '../route';

const WHAT = 'sus misiones';

async function findMission(call: AuthedCall, groupId: string): Promise<MissionRecord> {
  const mission = await storesOf(call.context).missions.get(groupId, call.params.missionId!);
  if (mission === null)
    throw new ApiFailure(404, 'mission_not_found', 'Esa misión no existe en este grupo.');
  return mission;
}

/** The group and the mission the path names, the caller's role checked against `need` first. */
async function missionOf(call: AuthedCall, need?: Need) {
  const { group } = await memberOf(call, WHAT, need);
  return { group, mission: await findMission(call, group.id) };
}

async function missionAnswer(call: AuthedCall, record: MissionRecord): Promise<Mission> {
  const { missions, governance } = storesOf(call.context);
  const [participants, agenda, followUps] = await Promise.all([
    missions.participants(record.id),
    missions.agenda(record.id),
    governance.agreements({ groupIds: [record.groupId], missionId: record.id }),
  ]);
  return {
    ...record,
    participants,
    agenda,
    followUps: await assembleAgreements(call.context, governance, followUps),
  };
}

async function fresh(call: AuthedCall, groupId: string, id: string): Promise<Mission> {
  return missionAnswer(call, (await storesOf(call.context).missions.get(groupId, id))!);
}

export const missionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/groups/:groupId/missions',
    async handle(call) {
      const { group } = await memberOf(call, WHAT);
      const list = await storesOf(call.context).missions.list(group.id);
      const body: MissionsResponse = {
        missions: list.map(({ objectives: _o, lessons: _l, ...summary }) => summary),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/missions',
    async handle(call) {
      const { group } = await memberOf(call, WHAT, { editor: 'crear misiones' });
      const input = await readJson(call.req, missionBody);
      const { missions } = storesOf(call.context);
      const id = randomUUID();
      await audited(call, group.id, 'mission_created', async (tx) => {
        await missions.create(tx, {
          id,
          groupId: group.id,
          createdBy: call.session.user.id,
          ...input,
        });
        return { missionId: id, destination: input.destination };
      });
      return created(await fresh(call, group.id, id));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/missions/:missionId',
    async handle(call) {
      const { mission } = await missionOf(call);
      return ok(await missionAnswer(call, mission));
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/missions/:missionId',
    async handle(call) {
      const { group, mission } = await missionOf(call, { editor: 'editar misiones' });
      const input = await readJson(call.req, missionPatchBody);
      const startsOn = input.startsOn ?? mission.startsOn;
      const endsOn = input.endsOn ?? mission.endsOn;
      if (endsOn < startsOn) {
        throw new ApiFailure(400, 'invalid_body', 'endsOn: la misión termina antes de empezar.');
      }
      const { missions } = storesOf(call.context);
      await audited(call, group.id, 'mission_updated', async (tx) => {
        await missions.update(tx, mission.id, input);
        return { missionId: mission.id, fields: Object.keys(input) };
      });
      return ok(await fresh(call, group.id, mission.id));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/missions/:missionId/applications',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      if (role === 'viewer') {
        throw new ApiFailure(
          403,
          'forbidden',
          'Los lectores no postulan a misiones; pida un rol de comentarista o editor.',
        );
      }
      const mission = await findMission(call, group.id);
      const input = await readJson(call.req, applicationBody);
      const { missions } = storesOf(call.context);
      const organizationId = call.session.user.organization.id;
      if ((await missions.participantStatus(mission.id, organizationId)) !== null) {
        throw new ApiFailure(409, 'already_applied', 'Su organización ya postuló a esta misión.');
      }
      await audited(call, group.id, 'mission_application', async (tx) => {
        await missions.apply(tx, {
          missionId: mission.id,
          organizationId,
          motivation: input.motivation,
          userId: call.session.user.id,
        });
        return { missionId: mission.id, organizationId };
      });
      return created(await fresh(call, group.id, mission.id));
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/missions/:missionId/participants/:organizationId',
    async handle(call) {
      const { group, mission } = await missionOf(call, { lead: 'seleccionar participantes' });
      const input = await readJson(call.req, participantBody);
      const { missions } = storesOf(call.context);
      const organizationId = call.params.organizationId!;
      if ((await missions.participantStatus(mission.id, organizationId)) === null) {
        throw new ApiFailure(
          404,
          'organization_not_found',
          'Esa organización no postuló a esta misión.',
        );
      }
      await audited(call, group.id, 'mission_participant_changed', async (tx) => {
        await missions.setStatus(tx, mission.id, organizationId, input.status);
        return { missionId: mission.id, organizationId, status: input.status };
      });
      return ok(await fresh(call, group.id, mission.id));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/missions/:missionId/agenda',
    async handle(call) {
      const { group, mission } = await missionOf(call, {
        editor: 'editar la agenda de la misión',
      });
      const input = await readJson(call.req, agendaItemBody);
      const { missions } = storesOf(call.context);
      await missions.sql.transaction((tx) =>
        missions.addAgendaItem(tx, mission.id, { id: randomUUID(), ...input }),
      );
      return created(await fresh(call, group.id, mission.id));
    },
  },
  {
    method: 'DELETE',
    path: '/api/groups/:groupId/missions/:missionId/agenda/:itemId',
    async handle(call) {
      const { group, mission } = await missionOf(call, {
        editor: 'editar la agenda de la misión',
      });
      const { missions } = storesOf(call.context);
      const removed = await missions.sql.transaction((tx) =>
        missions.removeAgendaItem(tx, mission.id, call.params.itemId!),
      );
      if (removed === 0)
        throw new ApiFailure(404, 'not_found', 'Esa actividad no está en la agenda.');
      return ok(await fresh(call, group.id, mission.id));
    },
  },
  {
    // A follow-up agreement of the mission: an entry of the group's register with no vote.
    method: 'POST',
    path: '/api/groups/:groupId/missions/:missionId/agreements',
    async handle(call) {
      const { group, mission } = await missionOf(call, {
        lead: 'registrar acuerdos de seguimiento',
      });
      const input = await readJson(call.req, followUpBody);
      const { governance } = storesOf(call.context);
      if (input.responsibleOrganizationId !== null) {
        const found = await governance.organizations([input.responsibleOrganizationId]);
        if (found.length === 0)
          throw new ApiFailure(404, 'organization_not_found', 'Esa organización no existe.');
      }
      const id = randomUUID();
      await audited(call, group.id, 'agreement_recorded', async (tx) => {
        const number = await governance.createAgreement(tx, {
          id,
          groupId: group.id,
          meetingId: null,
          missionId: mission.id,
          title: input.title,
          text: input.text,
          responsibleOrganizationId: input.responsibleOrganizationId,
          dueDate: input.dueDate,
          createdBy: call.session.user.id,
        });
        return { agreementId: id, missionId: mission.id, number };
      });
      return created(await fresh(call, group.id, mission.id));
    },
  },
];
