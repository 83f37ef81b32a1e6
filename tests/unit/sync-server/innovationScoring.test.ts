/**
 * The evaluation's arithmetic, table-driven: weighted scores, the mean between evaluators, the
 * spread, the disagreement flag and the ranking with its tie rule. Every expected value is worked
 * out by hand in the row's comment.
 */
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../shared/protocol/innovationApi';
import { rankProposals, weightedNumerator } from '../../../sync-server/innovation/scoring';

const CRITERIA: Criterion[] = [
  { id: 'pertinencia', name: 'Pertinencia', weight: 30 },
  { id: 'viabilidad', name: 'Viabilidad técnica', weight: 25 },
  { id: 'equipo', name: 'Equipo', weight: 20 },
  { id: 'impacto', name: 'Impacto', weight: 25 },
];

const sheet = (evaluatorId: string, [p, v, e, i]: number[]) => ({
  evaluatorId,
  scores: new Map([
    ['pertinencia', p!],
    ['viabilidad', v!],
    ['equipo', e!],
    ['impacto', i!],
  ]),
});

describe('weighted scores', () => {
  it.each([
    // 10·(30+25+20+25) = 1000
    { scores: [10, 10, 10, 10], numerator: 1000 },
    // 9·30 + 8·25 + 7·20 + 9·25 = 270 + 200 + 140 + 225 = 835
    { scores: [9, 8, 7, 9], numerator: 835 },
    // 0·30 + 10·25 + 0·20 + 0·25 = 250
    { scores: [0, 10, 0, 0], numerator: 250 },
  ])('$scores → $numerator', ({ scores, numerator }) => {
    expect(weightedNumerator(CRITERIA, sheet('e', scores).scores)).toBe(numerator);
  });

  it('counts no sheet with a criterion missing', () => {
    const partial = new Map([['pertinencia', 9]]);
    expect(weightedNumerator(CRITERIA, partial)).toBeNull();
    const [ranked] = rankProposals(CRITERIA, [
      { proposalId: 'a', submittedAt: 1, sheets: [{ evaluatorId: 'x', scores: partial }] },
    ]);
    expect(ranked).toMatchObject({ score: 0, complete: 0 });
  });
});

describe('ranking', () => {
  const table = [
    {
      what: 'mean of evaluators, spread and disagreement above 2 points',
      inputs: [
        // A: 8.35 and 5.05 → mean 6.70, spread 3.30 → disagreement
        {
          proposalId: 'A',
          submittedAt: 1,
          sheets: [sheet('e1', [9, 8, 7, 9]), sheet('e2', [5, 6, 4, 5])],
        },
        // B: 6.00 and 7.00 → mean 6.50, spread 1.00
        {
          proposalId: 'B',
          submittedAt: 2,
          sheets: [sheet('e1', [6, 6, 6, 6]), sheet('e2', [7, 7, 7, 7])],
        },
        // C: one evaluator, 10 → mean 10, spread 0
        { proposalId: 'C', submittedAt: 3, sheets: [sheet('e1', [10, 10, 10, 10])] },
      ],
      expected: [
        { proposalId: 'C', rank: 1, score: 10, spread: 0, disagreement: false },
        { proposalId: 'A', rank: 2, score: 6.7, spread: 3.3, disagreement: true },
        { proposalId: 'B', rank: 3, score: 6.5, spread: 1, disagreement: false },
      ],
    },
    {
      what: 'halves round up exactly (1485/200 = 7.425 → 7.43)',
      inputs: [
        // 8.35 and 6.50: (835 + 650) / 200 = 7.425; spread 1.85
        {
          proposalId: 'A',
          submittedAt: 1,
          sheets: [sheet('e1', [9, 8, 7, 9]), sheet('e2', [6, 7, 6, 7])],
        },
      ],
      expected: [{ proposalId: 'A', rank: 1, score: 7.43, spread: 1.85, disagreement: false }],
    },
    {
      what: 'a spread of exactly 2 points is not a disagreement',
      inputs: [
        {
          proposalId: 'A',
          submittedAt: 1,
          sheets: [sheet('e1', [8, 8, 8, 8]), sheet('e2', [6, 6, 6, 6])],
        },
      ],
      expected: [{ proposalId: 'A', rank: 1, score: 7, spread: 2, disagreement: false }],
    },
    {
      what: 'equal means rank the earlier submission first',
      inputs: [
        // 7.25 each: (7·30+7·25+7·20+8·25)/100 = (210+175+140+200)/100
        { proposalId: 'late', submittedAt: 20, sheets: [sheet('e1', [7, 7, 7, 8])] },
        { proposalId: 'early', submittedAt: 10, sheets: [sheet('e1', [7, 7, 7, 8])] },
      ],
      expected: [
        { proposalId: 'early', rank: 1, score: 7.25, spread: 0, disagreement: false },
        { proposalId: 'late', rank: 2, score: 7.25, spread: 0, disagreement: false },
      ],
    },
    {
      what: 'thirds round only at the end (8.333… vs 8.33)',
      inputs: [
        // e1 9.00, e2 8.00, e3 8.00 → mean 25/3 = 8.333… → 8.33; spread 1
        {
          proposalId: 'A',
          submittedAt: 1,
          sheets: [sheet('e1', [9, 9, 9, 9]), sheet('e2', [8, 8, 8, 8]), sheet('e3', [8, 8, 8, 8])],
        },
        // (8·30+9·25+8·20+8·25)/100 = (240+225+160+200)/100 = 8.25, submitted earlier
        { proposalId: 'B', submittedAt: 0, sheets: [sheet('e1', [8, 9, 8, 8])] },
      ],
      expected: [
        { proposalId: 'A', rank: 1, score: 8.33, spread: 1, disagreement: false },
        { proposalId: 'B', rank: 2, score: 8.25, spread: 0, disagreement: false },
      ],
    },
  ];

  it.each(table)('$what', ({ inputs, expected }) => {
    expect(
      rankProposals(CRITERIA, inputs).map(({ proposalId, rank, score, spread, disagreement }) => ({
        proposalId,
        rank,
        score,
        spread,
        disagreement,
      })),
    ).toEqual(expected);
  });
});
