/**
 * An API refusal thrown by a route: status, stable code (shared/protocol/api.ts
 * API_ERROR_CODES) and a Spanish sentence that says what to do. The router turns it into
 * `{ error: { code, message } }`; anything else thrown becomes a logged 500.
 */
import type { ApiErrorCode } from '../../shared/protocol/api';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const fail = (status: number, code: ApiErrorCode, message: string): never => {
  throw new ApiFailure(status, code, message);
};
