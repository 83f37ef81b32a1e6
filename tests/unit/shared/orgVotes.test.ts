/**
 * Counting by organization, shared by sign-offs and council votes: table tests of the rules,
 * the quorum, absent organizations and ties.
 */
import { describe, expect, it } from 'vitest';
import {
  approvalsRequired,
  signoffDecision,
  tallyVotes,
  type DecisionRule,
  type Vote,
} from '../../../shared/model/orgVotes';
import { followUpStatus } from '../../../shared/ydoc/governanceBoard';

describe('approvalsRequired', () => {
  it.each<[DecisionRule, number, number]>([
    ['all', 6, 6],
    ['all', 1, 1],
    ['majority', 6, 4],
    ['majority', 5, 3],
    ['majority', 1, 1],
    ['two_thirds', 6, 4],
    ['two_thirds', 5, 4],
    ['two_thirds', 3, 2],
  ])('%s of %i needs %i', (rule, n, needed) => {
    expect(approvalsRequired(rule, n)).toBe(needed);
  });
});

describe('signoffDecision', () => {
  it.each<[DecisionRule, number, number, number, 'approved' | 'rejected' | null]>([
    ['all', 3, 3, 0, 'approved'],
    ['all', 3, 2, 0, null],
    ['all', 3, 2, 1, 'rejected'],
    ['majority', 4, 3, 0, 'approved'],
    ['majority', 4, 2, 1, null],
    ['majority', 4, 2, 2, 'rejected'],
    ['two_thirds', 6, 4, 0, 'approved'],
    ['two_thirds', 6, 3, 2, null],
    ['two_thirds', 6, 3, 3, 'rejected'],
  ])(
    '%s, %i asked, %i approvals, %i objections → %s',
    (rule, asked, approvals, objections, outcome) => {
      expect(signoffDecision(rule, asked, approvals, objections)).toBe(outcome);
    },
  );
});

const ORGS = ['minera', 'proveedor', 'unsa', 'gore', 'camara', 'municipio'];
const votesOf = (...votes: Array<Vote | undefined>) =>
  Object.fromEntries(votes.flatMap((vote, i) => (vote === undefined ? [] : [[ORGS[i]!, vote]])));

describe('tallyVotes (a council votes by organization)', () => {
  it.each<{
    name: string;
    rule: DecisionRule;
    quorum: DecisionRule;
    votes: Record<string, Vote>;
    outcome: string;
    present: number;
    absent: number;
  }>([
    {
      name: 'a simple majority of those present adopts',
      rule: 'majority',
      quorum: 'majority',
      votes: votesOf('for', 'for', 'for', 'against', 'abstain', 'absent'),
      outcome: 'approved',
      present: 5,
      absent: 1,
    },
    {
      name: 'a tie is not a majority',
      rule: 'majority',
      quorum: 'majority',
      votes: votesOf('for', 'for', 'against', 'against', 'absent', 'absent'),
      outcome: 'rejected',
      present: 4,
      absent: 2,
    },
    {
      name: 'abstentions count as present and weigh against',
      rule: 'majority',
      quorum: 'majority',
      votes: votesOf('for', 'for', 'abstain', 'abstain', 'against', 'absent'),
      outcome: 'rejected',
      present: 5,
      absent: 1,
    },
    {
      name: 'absent organizations can break the quorum',
      rule: 'majority',
      quorum: 'majority',
      votes: votesOf('for', 'for', 'for', 'absent', 'absent', 'absent'),
      outcome: 'no_quorum',
      present: 3,
      absent: 3,
    },
    {
      name: 'two thirds of those present, with a two-thirds quorum met',
      rule: 'two_thirds',
      quorum: 'two_thirds',
      votes: votesOf('for', 'for', 'for', 'against', 'absent', 'absent'),
      outcome: 'approved',
      present: 4,
      absent: 2,
    },
    {
      name: 'unanimity fails on one abstention',
      rule: 'all',
      quorum: 'majority',
      votes: votesOf('for', 'for', 'for', 'for', 'for', 'abstain'),
      outcome: 'rejected',
      present: 6,
      absent: 0,
    },
    {
      name: 'a vote not yet recorded keeps it pending and counts as absent',
      rule: 'majority',
      quorum: 'majority',
      votes: votesOf('for', 'for', 'for', 'for', 'for'),
      outcome: 'pending',
      present: 5,
      absent: 1,
    },
  ])('$name', ({ rule, quorum, votes, outcome, present, absent }) => {
    const tally = tallyVotes({ rule, quorum, convened: ORGS, votes });
    expect(tally.outcome).toBe(outcome);
    expect(tally.present).toBe(present);
    expect(tally.absent).toBe(absent);
    expect(tally.for + tally.against + tally.abstain + tally.absent).toBe(ORGS.length);
  });

  it('ignores votes of organizations that were not convened', () => {
    const tally = tallyVotes({
      rule: 'majority',
      quorum: 'majority',
      convened: ['a', 'b', 'c'],
      votes: new Map<string, Vote>([
        ['a', 'against'],
        ['b', 'against'],
        ['c', 'for'],
        ['x', 'for'],
        ['y', 'for'],
      ]),
    });
    expect(tally).toMatchObject({ convened: 3, for: 1, against: 2, outcome: 'rejected' });
  });
});

describe('followUpStatus (from the action cards)', () => {
  const card = (started: boolean, done: boolean, column: string | null = 'x') => ({
    started,
    done,
    column,
  });
  it.each([
    ['no cards, not due', [], '2026-12-31', 'pendiente'],
    ['no cards, past due', [], '2026-01-01', 'vencido'],
    ['all cards in the first column', [card(false, false)], '2026-12-31', 'pendiente'],
    ['one card started', [card(true, false), card(false, false)], '2026-12-31', 'en_curso'],
    ['every card done', [card(true, true), card(true, true)], '2026-12-31', 'cumplido'],
    ['every card done, even past due', [card(true, true)], '2026-01-01', 'cumplido'],
    ['one card left, past due', [card(true, true), card(true, false)], '2026-01-01', 'vencido'],
    [
      'archived cards do not count',
      [card(true, true), card(false, false, null)],
      '2026-12-31',
      'cumplido',
    ],
  ] as const)('%s → %s', (_name, cards, due, status) => {
    expect(followUpStatus(cards, due, '2026-06-15')).toBe(status);
  });
});
