/**
 * The governance register API (issue 15; contract in shared/protocol/governanceApi.ts). Members
 * of a body read its meetings and register; leads and editors (the secretariat) convene
 * meetings, record agreements, votes by organization and action items; leads set the body's
 * rules, approve minutes and correct approved agreements. Every write is one transaction with
 * its audit row.
 */
import { randomUUID } from 'node:crypto';
import type { BoardId, GroupId } from '../../../shared/model/ids';
import { canonicalUuid } from '../../../shared/model/ids';
import {
  actionItemBody,
  agreementBody,
  agreementPatchBody,
  correctionBody,
  governanceSettingsBody,
  meetingBody,
  meetingPatchBody,
  registerQuery,
  votesBody,
  type GovernanceResponse,
  type RegisterResponse,
} from '../../../shared/protocol/governanceApi';
import { roomName } from '../../../shared/protocol/rooms';
import { addActionCard, initFollowUpBoard } from '../../../shared/ydoc/governanceBoard';
import { addEntry, readGroupIndex } from '../../../shared/ydoc/groupIndexDoc';
import { Origin } from '../../../shared/ydoc/origins';
import { readBoard } from '../../../shared/ydoc/boardDoc';
import { audited, memberOf, storesOf, type Need } from '../../governance/context';
import type {
  AgreementRecord,
  GovernanceStore,
  MeetingRecord,
} from '../../governance/governanceStore';
import {
  assembleAgreements,
  assembleMeeting,
  filterRegister,
  meetingSummary,
} from '../../governance/register';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { created, ok, type ApiContext, type AuthedCall, type Route } from '../route';

export const FOLLOW_UP_BOARD_TITLE = 'Seguimiento de acuerdos';

async function findMeeting(
  store: GovernanceStore,
  groupId: string,
  id: string,
): Promise<MeetingRecord> {
  const meeting = await store.meeting(groupId, id);
  if (meeting === null)
    throw new ApiFailure(404, 'meeting_not_found', 'Esa sesión no existe en este órgano.');
  return meeting;
}

async function findAgreement(
  store: GovernanceStore,
  groupId: string,
  id: string,
): Promise<AgreementRecord> {
  const agreement = await store.agreement(groupId, id);
  if (agreement === null)
    throw new ApiFailure(404, 'agreement_not_found', 'Ese acuerdo no existe en este registro.');
  return agreement;
}

const locked = () =>
  new ApiFailure(
    409,
    'agreement_locked',
    'El acta de esta sesión ya fue aprobada: sus acuerdos no se modifican. Registre una corrección.',
  );

async function checkOrganizations(
  store: GovernanceStore,
  ids: readonly (string | null | undefined)[],
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const found = await store.organizations(wanted);
  if (found.length !== wanted.length) {
    throw new ApiFailure(
      404,
      'organization_not_found',
      'Una de las organizaciones indicadas no existe.',
    );
  }
}

/**
 * The body's follow-up board, made by the server the first time an action item needs it: an
 * entry in the group's index and the "Plan de trabajo" columns, written into the live rooms so
 * connected members see it at once.
 */
async function followUpBoard(
  context: ApiContext,
  store: GovernanceStore,
  groupId: string,
  userName: string,
) {
  const body = await store.body(groupId);
  if (body.boardId !== null) return body.boardId;
  const boardId = randomUUID();
  await context.withRoom(
    roomName({ kind: 'board', groupId: groupId as GroupId, boardId: boardId as BoardId }),
    (doc) => {
      if (readBoard(doc).columns.length === 0) initFollowUpBoard(doc, 'es-419', Origin.server);
    },
  );
  await context.withRoom(roomName({ kind: 'index', groupId: groupId as GroupId }), (doc) => {
    if (!readGroupIndex(doc).entries.some((entry) => entry.id === boardId)) {
      addEntry(
        doc,
        {
          id: boardId as BoardId,
          kind: 'board',
          title: FOLLOW_UP_BOARD_TITLE,
          createdBy: userName,
          createdAt: context.now(),
        },
        Origin.server,
      );
    }
  });
  await store.sql.transaction((tx) => store.setBoard(tx, groupId, boardId));
  return boardId;
}

/** The body, its store, and the caller's role checked against `need`. */
async function bodyOf(call: AuthedCall, need?: Need) {
  const { group } = await memberOf(call, 'sus sesiones y acuerdos', need);
  return { group, governance: storesOf(call.context).governance };
}

async function meetingAnswer(call: AuthedCall, groupId: string, id: string) {
  const { governance } = storesOf(call.context);
  return assembleMeeting(call.context, governance, await findMeeting(governance, groupId, id));
}

async function agreementAnswer(call: AuthedCall, groupId: string, id: string) {
  const { governance } = storesOf(call.context);
  const [agreement] = await assembleAgreements(call.context, governance, [
    await findAgreement(governance, groupId, id),
  ]);
  return agreement!;
}

function readQuery(call: AuthedCall) {
  const parsed = registerQuery.safeParse(Object.fromEntries(call.query.entries()));
  if (!parsed.success) {
    throw new ApiFailure(
      400,
      'invalid_query',
      'Los filtros del registro no son válidos (fechas AAAA-MM-DD, estado conocido).',
    );
  }
  return parsed.data;
}

async function registerAnswer(call: AuthedCall, groupIds: string[]): Promise<RegisterResponse> {
  const query = readQuery(call);
  const { governance } = storesOf(call.context);
  const records = await governance.agreements({ groupIds });
  return {
    agreements: filterRegister(await assembleAgreements(call.context, governance, records), query),
  };
}

export const governanceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/groups/:groupId/governance',
    async handle(call) {
      const { group, governance } = await bodyOf(call);
      const body = await governance.body(group.id);
      const answer: GovernanceResponse = {
        groupId: group.id as GroupId,
        rule: body.rule,
        quorum: body.quorum,
        boardId: body.boardId,
        meetings: (await governance.meetings(group.id)).map(meetingSummary),
        organizations: await governance.groupOrganizations(group.id),
      };
      return ok(answer);
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/governance',
    async handle(call) {
      const { group, governance } = await bodyOf(call, {
        lead: 'cambiar las reglas de votación y quórum',
      });
      const input = await readJson(call.req, governanceSettingsBody);
      await audited(call, group.id, 'governance_rules_changed', async (tx) => {
        await governance.setRules(tx, group.id, input.rule, input.quorum);
        return input;
      });
      return ok(await governance.body(group.id));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/meetings',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { editor: 'convocar sesiones' });
      const input = await readJson(call.req, meetingBody);
      await checkOrganizations(governance, input.organizations);
      const id = input.id ?? randomUUID();
      const existing = await governance.meetingExists(id);
      if (existing !== null) {
        if (existing === group.id) return ok(await meetingAnswer(call, group.id, id));
        throw new ApiFailure(404, 'meeting_not_found', 'Esa sesión no existe en este órgano.');
      }
      await audited(call, group.id, 'meeting_created', async (tx) => {
        await governance.createMeeting(tx, {
          id,
          groupId: group.id,
          title: input.title,
          startsAt: Date.parse(input.startsAt),
          place: input.place,
          link: input.link,
          agenda: input.agenda,
          organizations: input.organizations,
          createdBy: call.session.user.id,
        });
        return { meetingId: id, title: input.title };
      });
      return created(await meetingAnswer(call, group.id, id));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/meetings/:meetingId',
    async handle(call) {
      const { group } = await bodyOf(call);
      return ok(await meetingAnswer(call, group.id, call.params.meetingId!));
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/meetings/:meetingId',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { editor: 'editar sesiones' });
      const input = await readJson(call.req, meetingPatchBody);
      const meeting = await findMeeting(governance, group.id, call.params.meetingId!);
      if (meeting.approvedAt !== null) throw locked();
      if (input.organizations !== undefined)
        await checkOrganizations(governance, input.organizations);
      const minutesDocId =
        input.minutesDocId === undefined || input.minutesDocId === null
          ? input.minutesDocId
          : canonicalUuid(input.minutesDocId);
      await audited(call, group.id, 'meeting_updated', async (tx) => {
        await governance.updateMeeting(tx, meeting.id, {
          title: input.title,
          startsAt: input.startsAt === undefined ? undefined : Date.parse(input.startsAt),
          place: input.place,
          link: input.link,
          agenda: input.agenda,
          minutesDocId,
        });
        if (input.organizations !== undefined)
          await governance.setConvened(tx, meeting.id, input.organizations);
        return { meetingId: meeting.id, fields: Object.keys(input) };
      });
      return ok(await meetingAnswer(call, group.id, meeting.id));
    },
  },
  {
    // Approving the minutes freezes the meeting and its agreements; unrecorded votes become absences.
    method: 'POST',
    path: '/api/groups/:groupId/meetings/:meetingId/approve',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { lead: 'aprobar actas' });
      const meeting = await findMeeting(governance, group.id, call.params.meetingId!);
      if (meeting.approvedAt !== null) throw locked();
      if (meeting.agreementCount === 0) {
        throw new ApiFailure(
          409,
          'minutes_not_ready',
          'El acta todavía no puede aprobarse: registre al menos un acuerdo.',
        );
      }
      await audited(call, group.id, 'minutes_approved', async (tx) => {
        await governance.approveMinutes(tx, meeting.id, call.session.user.id);
        return { meetingId: meeting.id, minutesDocId: meeting.minutesDocId };
      });
      return ok(await meetingAnswer(call, group.id, meeting.id));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/meetings/:meetingId/agreements',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { editor: 'registrar acuerdos' });
      const input = await readJson(call.req, agreementBody);
      const meeting = await findMeeting(governance, group.id, call.params.meetingId!);
      if (meeting.approvedAt !== null) throw locked();
      await checkOrganizations(governance, [input.responsibleOrganizationId]);
      const id = randomUUID();
      await audited(call, group.id, 'agreement_recorded', async (tx) => {
        const number = await governance.createAgreement(tx, {
          id,
          groupId: group.id,
          meetingId: meeting.id,
          missionId: null,
          title: input.title,
          text: input.text,
          responsibleOrganizationId: input.responsibleOrganizationId,
          dueDate: input.dueDate,
          createdBy: call.session.user.id,
        });
        return { agreementId: id, meetingId: meeting.id, number };
      });
      return created(await agreementAnswer(call, group.id, id));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/agreements/:agreementId',
    async handle(call) {
      const { group } = await bodyOf(call);
      return ok(await agreementAnswer(call, group.id, call.params.agreementId!));
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/agreements/:agreementId',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { editor: 'editar acuerdos' });
      const agreement = await findAgreement(governance, group.id, call.params.agreementId!);
      if (agreement.meetingApproved) throw locked();
      const input = await readJson(call.req, agreementPatchBody);
      await checkOrganizations(governance, [input.responsibleOrganizationId]);
      await audited(call, group.id, 'agreement_updated', async (tx) => {
        await governance.updateAgreement(tx, agreement.id, input);
        return { agreementId: agreement.id, fields: Object.keys(input) };
      });
      return ok(await agreementAnswer(call, group.id, agreement.id));
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/agreements/:agreementId/votes',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { editor: 'registrar votos' });
      const agreement = await findAgreement(governance, group.id, call.params.agreementId!);
      if (agreement.meetingApproved) throw locked();
      if (agreement.meetingId === null) {
        throw new ApiFailure(
          400,
          'organization_not_convened',
          'Este acuerdo no se tomó en una sesión: no tiene organizaciones convocadas que voten.',
        );
      }
      const input = await readJson(call.req, votesBody);
      const convened = new Set((await governance.convened(agreement.meetingId)).map((o) => o.id));
      if (input.votes.some((v) => !convened.has(v.organizationId))) {
        throw new ApiFailure(
          400,
          'organization_not_convened',
          'Esa organización no fue convocada a la sesión.',
        );
      }
      await audited(call, group.id, 'votes_recorded', async (tx) => {
        for (const vote of input.votes) {
          await governance.setVote(tx, {
            agreementId: agreement.id,
            organizationId: vote.organizationId,
            vote: vote.vote,
            userId: call.session.user.id,
          });
        }
        return { agreementId: agreement.id, votes: input.votes };
      });
      return ok(await agreementAnswer(call, group.id, agreement.id));
    },
  },
  {
    // An action item is a card on the body's follow-up board, written by the server into the
    // live board room so everyone connected sees it; the agreement's status follows the card.
    method: 'POST',
    path: '/api/groups/:groupId/agreements/:agreementId/actions',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { editor: 'crear tareas de seguimiento' });
      const agreement = await findAgreement(governance, group.id, call.params.agreementId!);
      const input = await readJson(call.req, actionItemBody);
      const boardId = await followUpBoard(
        call.context,
        governance,
        group.id,
        call.session.user.name,
      );
      const cardId = randomUUID();
      const [view] = await assembleAgreements(call.context, governance, [agreement]);
      await call.context.withRoom(
        roomName({ kind: 'board', groupId: group.id as GroupId, boardId: boardId as BoardId }),
        (doc) =>
          addActionCard(
            doc,
            {
              id: cardId,
              title: `${view!.code} · ${input.title}`,
              createdBy: call.session.user.name,
              responsibleOrg: agreement.responsible?.name ?? '',
              dueDate: agreement.dueDate,
            },
            Origin.server,
            call.context.now(),
          ),
      );
      await audited(call, group.id, 'action_item_created', async (tx) => {
        await governance.addAction(tx, {
          agreementId: agreement.id,
          cardId,
          boardId,
          title: input.title,
        });
        return { agreementId: agreement.id, boardId, cardId };
      });
      return created(await agreementAnswer(call, group.id, agreement.id));
    },
  },
  {
    // A correction is a new register entry that names the one it corrects and why; the old
    // entry stays as it was, marked "corregido por".
    method: 'POST',
    path: '/api/groups/:groupId/agreements/:agreementId/corrections',
    async handle(call) {
      const { group, governance } = await bodyOf(call, { lead: 'corregir acuerdos' });
      const original = await findAgreement(governance, group.id, call.params.agreementId!);
      const input = await readJson(call.req, correctionBody);
      await checkOrganizations(governance, [input.responsibleOrganizationId]);
      const id = randomUUID();
      await audited(call, group.id, 'agreement_corrected', async (tx) => {
        const number = await governance.createAgreement(tx, {
          id,
          groupId: group.id,
          meetingId: null,
          missionId: original.missionId,
          title: input.title,
          text: input.text,
          responsibleOrganizationId: input.responsibleOrganizationId,
          dueDate: input.dueDate,
          correctsId: original.id,
          correctionReason: input.reason,
          createdBy: call.session.user.id,
        });
        return { agreementId: id, corrects: original.id, number, reason: input.reason };
      });
      return created(await agreementAnswer(call, group.id, id));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/register',
    async handle(call) {
      const { group } = await memberOf(call, 'su registro de acuerdos');
      return ok(await registerAnswer(call, [group.id]));
    },
  },
  {
    // The cluster's register: every body the caller is a member of.
    method: 'GET',
    path: '/api/register',
    async handle(call) {
      const groupIds = (await call.context.store.groups.membershipsOf(call.session.user.id)).map(
        (m) => m.group.id,
      );
      return ok(await registerAnswer(call, groupIds));
    },
  },
];
