/**
 * Counting by organization, one place for every body that decides by organizations: the
 * sign-off of a frozen version (issue 11: each asked organization approves, approves with
 * observations or objects) and a council's vote on an agreement (issue 15: each convened
 * organization votes for, against, abstains or is absent). Pure functions, so the server, the
 * renderer (offline) and the table tests count the same way.
 */

/** all: every one; two_thirds: at least ⌈2n/3⌉; majority: more than half (⌊n/2⌋ + 1). */
export const DECISION_RULES = ['all', 'two_thirds', 'majority'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** How many of `n` the rule needs. */
export function approvalsRequired(rule: DecisionRule, n: number): number {
  switch (rule) {
    case 'all':
      return n;
    case 'two_thirds':
      return Math.ceil((n * 2) / 3);
    case 'majority':
      return Math.floor(n / 2) + 1;
  }
}

/**
 * A sign-off is decided as soon as the rule is met (approved) or can no longer be met because
 * too many organizations objected (rejected); otherwise it is still open.
 */
export function signoffDecision(
  rule: DecisionRule,
  asked: number,
  approvals: number,
  objections: number,
): 'approved' | 'rejected' | null {
  const required = approvalsRequired(rule, asked);
  if (approvals >= required) return 'approved';
  if (objections > asked - required) return 'rejected';
  return null;
}

export const VOTES = ['for', 'against', 'abstain', 'absent'] as const;
export type Vote = (typeof VOTES)[number];

export interface VoteTally {
  convened: number;
  for: number;
  against: number;
  abstain: number;
  /** Convened organizations that did not vote, recorded absent or not recorded at all. */
  absent: number;
  /** Organizations present: for + against + abstain. */
  present: number;
  /** How many must be present for the session to decide (the body's quorum rule over convened). */
  quorumRequired: number;
  quorumMet: boolean;
  /** Votes in favour needed (the body's decision rule over those present). */
  required: number;
  /**
   * approved / rejected once every convened organization has a recorded vote (or absence);
   * no_quorum when too few were present; pending while some vote is not recorded yet.
   */
  outcome: 'approved' | 'rejected' | 'no_quorum' | 'pending';
}

/**
 * A council's vote on one agreement. Quorum counts organizations present (an abstention is
 * present); the decision rule counts votes in favour among those present, so an abstention
 * weighs like a vote against and a tie is not a majority.
 */
export function tallyVotes(input: {
  rule: DecisionRule;
  quorum: DecisionRule;
  /** The organizations convened to the session. */
  convened: readonly string[];
  /** Recorded votes by organization; organizations not convened are ignored. */
  votes: ReadonlyMap<string, Vote> | Readonly<Record<string, Vote>>;
}): VoteTally {
  const lookup =
    input.votes instanceof Map
      ? (id: string) => (input.votes as ReadonlyMap<string, Vote>).get(id)
      : (id: string) => (input.votes as Readonly<Record<string, Vote>>)[id];
  const convened = [...new Set(input.convened)];
  let inFavour = 0;
  let against = 0;
  let abstain = 0;
  let absent = 0;
  let unrecorded = 0;
  for (const id of convened) {
    const vote = lookup(id);
    if (vote === 'for') inFavour++;
    else if (vote === 'against') against++;
    else if (vote === 'abstain') abstain++;
    else if (vote === 'absent') absent++;
    else unrecorded++;
  }
  const present = inFavour + against + abstain;
  const quorumRequired =
    convened.length === 0 ? 1 : approvalsRequired(input.quorum, convened.length);
  const required = present === 0 ? 1 : approvalsRequired(input.rule, present);
  const quorumMet = present >= quorumRequired;
  const outcome =
    unrecorded > 0
      ? 'pending'
      : !quorumMet
        ? 'no_quorum'
        : inFavour >= required
          ? 'approved'
          : 'rejected';
  return {
    convened: convened.length,
    for: inFavour,
    against,
    abstain,
    absent: absent + unrecorded,
    present,
    quorumRequired,
    quorumMet,
    required,
    outcome,
  };
}
