/**
 * The evaluation's arithmetic, on the server only and exact: an evaluator's weighted score is
 * Σ(weightᵢ · scoreᵢ) / Σ weightᵢ over every criterion, kept as an integer numerator (weights and
 * scores are integers) until the last division, so ties rank the same way on every run. A
 * proposal counts only the evaluators who scored every criterion. Ranking: higher mean first,
 * then the earlier submission (the rule calls usually state for ties), then the id.
 */
import { DISAGREEMENT_THRESHOLD, type Criterion } from '../../shared/protocol/innovationApi';

export interface ScoreSheet {
  evaluatorId: string;
  /** criterionId → score. */
  scores: ReadonlyMap<string, number>;
}

export interface RankInput {
  proposalId: string;
  submittedAt: number;
  sheets: readonly ScoreSheet[];
}

export interface Ranked {
  proposalId: string;
  rank: number;
  /** Mean weighted score, rounded to two decimals. */
  score: number;
  spread: number;
  disagreement: boolean;
  /** Weighted score of each complete sheet, rounded to two decimals, by evaluator id. */
  weighted: Map<string, number>;
  complete: number;
}

/** numerator / denominator to two decimals, multiplying before dividing so 1485/200 is 7.43. */
const ratio2 = (numerator: number, denominator: number) =>
  Math.round((numerator * 100) / denominator) / 100;

/** Σ weight · score, or null when a criterion is missing. */
export function weightedNumerator(
  criteria: readonly Criterion[],
  scores: ReadonlyMap<string, number>,
): number | null {
  let sum = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) return null;
    sum += criterion.weight * score;
  }
  return sum;
}

export function rankProposals(
  criteria: readonly Criterion[],
  inputs: readonly RankInput[],
): Ranked[] {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const rows = inputs.map((input) => {
    const numerators = new Map<string, number>();
    for (const sheet of input.sheets) {
      const numerator = weightedNumerator(criteria, sheet.scores);
      if (numerator !== null) numerators.set(sheet.evaluatorId, numerator);
    }
    const values = [...numerators.values()];
    // Mean of numerators over (evaluators · Σweights): one division, exact until here.
    const sum = values.reduce((a, b) => a + b, 0);
    const meanDenominator = Math.max(values.length, 1) * totalWeight;
    const meanExact = sum / meanDenominator;
    const spreadNumerator = values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
    const spreadExact = spreadNumerator / totalWeight;
    return {
      input,
      meanExact,
      spreadExact,
      score: ratio2(sum, meanDenominator),
      spread: ratio2(spreadNumerator, totalWeight),
      weighted: new Map([...numerators].map(([id, n]) => [id, ratio2(n, totalWeight)])),
      complete: values.length,
    };
  });
  rows.sort(
    (a, b) =>
      b.meanExact - a.meanExact ||
      a.input.submittedAt - b.input.submittedAt ||
      a.input.proposalId.localeCompare(b.input.proposalId),
  );
  return rows.map((row, index) => ({
    proposalId: row.input.proposalId,
    rank: index + 1,
    score: row.score,
    spread: row.spread,
    disagreement: row.spreadExact > DISAGREEMENT_THRESHOLD,
    weighted: row.weighted,
    complete: row.complete,
  }));
}
