/**
 * Turns register records into the answers the API gives: votes counted by organization with the
 * body's rules (shared/model/orgVotes.ts), and each agreement's follow-up status read from where
 * its action cards are on the body's board now (shared/ydoc/governanceBoard.ts), so the register
 * always says what the board says.
 */
import type { BoardId, GroupId } from '../../shared/model/ids';
import { tallyVotes, type Vote } from '../../shared/model/orgVotes';
import type {
  Agreement,
  Meeting,
  MeetingSummary,
  RegisterQuery,
} from '../../shared/protocol/governanceApi';
import { roomName } from '../../shared/protocol/rooms';
import {
  followUpStatus,
  readActionCards,
  type ActionCardState,
} from '../../shared/ydoc/governanceBoard';
import type { ApiContext } from '../http/route';
import type { AgreementRecord, GovernanceStore, MeetingRecord, OrgRecord } from './governanceStore';

const iso = (ms: number) => new Date(ms).toISOString();

/** The calendar day in Peru (the cluster's time zone): due dates are days there. */
export function todayIn(now: number, timeZone = 'America/Lima'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

const SMALL_WORDS = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
  'e',
  'en',
  'para',
  'por',
  'of',
  'the',
  'and',
]);

/** "CDC" for "Consejo Directivo del Clúster", "GC" for "Gobernanza del clúster": initials of its words. */
export function bodyPrefix(name: string): string {
  const initials = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !SMALL_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 4);
  return initials === '' ? 'AC' : initials;
}

export function agreementCode(groupName: string, year: number, number: number): string {
  return `${bodyPrefix(groupName)}-${year}-${String(number).padStart(3, '0')}`;
}

function yearOf(record: AgreementRecord): number {
  return new Date(record.meetingStartsAt ?? record.createdAt).getUTCFullYear();
}

export function meetingSummary(record: MeetingRecord): MeetingSummary {
  return {
    id: record.id,
    groupId: record.groupId as GroupId,
    title: record.title,
    startsAt: iso(record.startsAt),
    place: record.place,
    link: record.link,
    state: record.approvedAt !== null ? 'approved' : record.agreementCount > 0 ? 'held' : 'planned',
    minutesDocId: record.minutesDocId,
    agreementCount: record.agreementCount,
  };
}

/** Reads every board the actions live on once, through the live rooms. */
async function boardStates(
  context: ApiContext,
  actions: ReadonlyArray<{ groupId: string; boardId: string; cardId: string }>,
): Promise<Map<string, ActionCardState>> {
  const byBoard = new Map<string, { groupId: string; boardId: string; cards: string[] }>();
  for (const action of actions) {
    const key = `${action.groupId}/${action.boardId}`;
    const entry = byBoard.get(key) ?? {
      groupId: action.groupId,
      boardId: action.boardId,
      cards: [],
    };
    entry.cards.push(action.cardId);
    byBoard.set(key, entry);
  }
  const states = new Map<string, ActionCardState>();
  for (const { groupId, boardId, cards } of byBoard.values()) {
    const name = roomName({
      kind: 'board',
      groupId: groupId as GroupId,
      boardId: boardId as BoardId,
    });
    await context.withRoom(name, (doc) => {
      for (const state of readActionCards(doc, cards))
        states.set(`${boardId}/${state.cardId}`, state);
    });
  }
  return states;
}

export async function assembleAgreements(
  context: ApiContext,
  store: GovernanceStore,
  records: readonly AgreementRecord[],
): Promise<Agreement[]> {
  const ids = records.map((record) => record.id);
  const [votes, actions, conveneds, bodies] = await Promise.all([
    store.votes(ids),
    store.actions(ids),
    store.conveneds([
      ...new Set(records.flatMap((r) => (r.meetingId === null ? [] : [r.meetingId]))),
    ]),
    store.bodies([...new Set(records.map((r) => r.groupId))]),
  ]);
  const groupOf = new Map(records.map((r) => [r.id, r.groupId]));
  const states = await boardStates(
    context,
    actions.map((a) => ({
      groupId: groupOf.get(a.agreementId)!,
      boardId: a.boardId,
      cardId: a.cardId,
    })),
  );
  const today = todayIn(context.now());
  const byNumber = new Map(records.map((r) => [`${r.groupId}/${r.number}`, r]));
  return records.map((record): Agreement => {
    const body = bodies.get(record.groupId)!;
    const convened: OrgRecord[] =
      record.meetingId === null ? [] : (conveneds.get(record.meetingId) ?? []);
    const recorded = votes.get(record.id) ?? new Map<string, Vote>();
    const tally =
      record.meetingId === null
        ? null
        : tallyVotes({
            rule: body.rule,
            quorum: body.quorum,
            convened: convened.map((o) => o.id),
            votes: recorded,
          });
    const decision = tally === null ? 'recorded' : tally.outcome;
    const own = actions
      .filter((a) => a.agreementId === record.id)
      .map((a) => {
        const state = states.get(`${a.boardId}/${a.cardId}`);
        return {
          cardId: a.cardId,
          boardId: a.boardId,
          title: state?.column != null ? state.title : a.title,
          column: state?.column ?? null,
          done: state?.done ?? false,
          started: state?.started ?? false,
        };
      });
    const adopted = decision === 'approved' || decision === 'recorded';
    const corrected =
      record.correctsId === null
        ? undefined
        : byNumber.get(`${record.groupId}/${record.correctsNumber}`);
    const year = yearOf(record);
    return {
      id: record.id,
      groupId: record.groupId as GroupId,
      groupName: record.groupName,
      number: record.number,
      code: agreementCode(record.groupName, year, record.number),
      meetingId: record.meetingId,
      meetingTitle: record.meetingTitle,
      meetingDate: record.meetingStartsAt === null ? null : iso(record.meetingStartsAt),
      missionId: record.missionId,
      missionTitle: record.missionTitle,
      title: record.title,
      text: record.text,
      responsible: record.responsible,
      dueDate: record.dueDate,
      locked: record.meetingApproved,
      corrects:
        record.correctsId === null
          ? null
          : {
              id: record.correctsId,
              code: agreementCode(
                record.groupName,
                corrected === undefined ? year : yearOf(corrected),
                record.correctsNumber ?? 0,
              ),
              reason: record.correctionReason,
            },
      correctedBy:
        record.correctedById === null
          ? null
          : {
              id: record.correctedById,
              code: agreementCode(record.groupName, year, record.correctedByNumber ?? 0),
            },
      votes: convened.map((organization) => ({
        organization,
        vote: recorded.get(organization.id) ?? null,
      })),
      tally,
      decision,
      actions: own.map(({ started: _started, ...action }) => action),
      status:
        adopted && record.correctedById === null
          ? followUpStatus(own, record.dueDate, today)
          : null,
      createdAt: iso(record.createdAt),
      createdBy: record.createdBy,
    };
  });
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterRegister(
  agreements: readonly Agreement[],
  query: RegisterQuery,
): Agreement[] {
  const q = query.q === undefined || query.q === '' ? null : fold(query.q);
  return agreements.filter((a) => {
    if (query.status !== undefined && a.status !== query.status) return false;
    if (query.organization !== undefined && a.responsible?.id !== query.organization) return false;
    const day = (a.meetingDate ?? a.createdAt).slice(0, 10);
    if (query.from !== undefined && day < query.from) return false;
    if (query.to !== undefined && day > query.to) return false;
    if (
      q !== null &&
      !fold(`${a.code} ${a.title} ${a.text} ${a.responsible?.name ?? ''}`).includes(q)
    )
      return false;
    return true;
  });
}

export async function assembleMeeting(
  context: ApiContext,
  store: GovernanceStore,
  record: MeetingRecord,
): Promise<Meeting> {
  const [organizations, agreements] = await Promise.all([
    store.convened(record.id),
    store.agreements({ groupIds: [record.groupId], meetingId: record.id }),
  ]);
  return {
    ...meetingSummary(record),
    organizations,
    agenda: record.agenda,
    approvedAt: record.approvedAt === null ? null : iso(record.approvedAt),
    approvedBy: record.approvedBy,
    agreements: await assembleAgreements(context, store, agreements),
  };
}
