/**
 * Submissions pressed while the server cannot be reached wait here, on this computer, with the
 * moment they were pressed, and are sent when it answers again. The server decides: before the
 * deadline they are on time; after it they are kept as «fuera de plazo» (preparedAt before the
 * deadline), never silently accepted or lost. One list per server and person.
 *
 * A submission also carries the state vector of the proposal document on this computer when
 * «Enviar» was pressed: while edits made offline have not reached the server, it answers
 * proposal_not_synced and the submission stays queued, so the frozen version is never missing
 * what the person wrote before pressing it.
 */
import { CLIENT_ERROR_CODES, CodedError } from '../../../shared/protocol/errors';
import type { Proposal } from '../../../shared/protocol/innovationApi';
import type { ApiClient } from '../../api/client';
import { innovationApi } from '../../api/innovation';

export interface QueuedSubmission {
  proposalId: string;
  preparedAt: string;
  /** Base64 Yjs state vector of the local document when «Enviar» was pressed. */
  stateVector?: string;
}

const key = (serverUrl: string, userId: string) =>
  `minka.innovation.submissions.${serverUrl}.${userId}`;

export function queuedSubmissions(serverUrl: string, userId: string): QueuedSubmission[] {
  try {
    const value = JSON.parse(localStorage.getItem(key(serverUrl, userId)) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as QueuedSubmission[]) : [];
  } catch {
    return [];
  }
}

function save(serverUrl: string, userId: string, queue: QueuedSubmission[]): void {
  localStorage.setItem(key(serverUrl, userId), JSON.stringify(queue));
}

/** No answer, or the server still lacks edits made here: keep waiting. */
const unreachable = (error: unknown) =>
  error instanceof CodedError &&
  (error.code === CLIENT_ERROR_CODES.network || error.code === 'proposal_not_synced');

/**
 * Sends a submission now; when no answer comes, keeps it queued and answers 'queued'. Any answer
 * of the server (accepted, late, refused) ends the wait.
 */
export async function submitOrQueue(
  api: ApiClient,
  serverUrl: string,
  userId: string,
  proposalId: string,
  stateVector: string | undefined,
  preparedAt: string = new Date().toISOString(),
): Promise<Proposal | 'queued'> {
  const queued = queuedSubmissions(serverUrl, userId).find((q) => q.proposalId === proposalId);
  try {
    const proposal = await innovationApi.submit(
      api,
      proposalId,
      queued === undefined
        ? { stateVector }
        : { preparedAt: queued.preparedAt, stateVector: queued.stateVector },
    );
    forget(serverUrl, userId, proposalId);
    return proposal;
  } catch (error) {
    if (!unreachable(error)) {
      forget(serverUrl, userId, proposalId);
      throw error;
    }
    if (queued === undefined) {
      save(serverUrl, userId, [
        ...queuedSubmissions(serverUrl, userId),
        { proposalId, preparedAt, stateVector },
      ]);
    }
    return 'queued';
  }
}

/** Sends every queued submission with its original time; returns the errors of refused ones. */
export async function flushQueue(
  api: ApiClient,
  serverUrl: string,
  userId: string,
): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const item of queuedSubmissions(serverUrl, userId)) {
    try {
      await innovationApi.submit(api, item.proposalId, {
        preparedAt: item.preparedAt,
        stateVector: item.stateVector,
      });
      forget(serverUrl, userId, item.proposalId);
    } catch (error) {
      if (unreachable(error)) break;
      forget(serverUrl, userId, item.proposalId);
      errors.push(error);
    }
  }
  return errors;
}

function forget(serverUrl: string, userId: string, proposalId: string): void {
  save(
    serverUrl,
    userId,
    queuedSubmissions(serverUrl, userId).filter((q) => q.proposalId !== proposalId),
  );
}
