/**
 * Every error code of Minka, one closed union for every layer: the HTTP API's codes
 * (API_ERROR_CODES, sent by the server), the client's own (no answer, a newer document), the
 * desktop shell's (IPC refusals, token vault, start-up) and the Yjs schema's (a named mutation
 * refused its input). Each code has a sentence in renderer/i18n/locales/<lang>/errors.json
 * (`errors.<code>`); tests/unit/renderer/i18n/locales.test.ts fails when one is missing.
 * A thrown error carries its code as a {@link CodedError}; the UI shows the code's sentence in
 * the UI language, and the English `message` is for logs.
 */
import { API_ERROR_CODES } from './api';

export const CLIENT_ERROR_CODES = {
  /** No answer: server down, no network, wrong address, or refused by CORS. */
  network: 'network',
  /** An answer that is not the JSON the API promises (e.g. another web server at that address). */
  badResponse: 'bad_response',
  /** The server answered with a code this version does not know (a newer server). */
  unknownError: 'unknown_error',
  /** A document was written by a newer Minka: this version may not edit it. */
  documentTooNew: 'document_too_new',
  /** The server is older than this client's schema and refused the room (CloseCode.schemaTooNew). */
  serverTooOld: 'server_too_old',
  /** A file given as an image is not a picture the editor reads (PNG, JPEG, GIF, WebP, BMP). */
  imageUnsupported: 'image_unsupported',
  /** An image that cannot be made small enough to store in a document. */
  imageTooLarge: 'image_too_large',
} as const;

export const DESKTOP_ERROR_CODES = {
  /** An IPC call came from a frame that is not the app's top frame. */
  ipcForeignSender: 'ipc_foreign_sender',
  /** An IPC call's arguments failed their zod schema. */
  ipcBadArguments: 'ipc_bad_arguments',
  /** The OS cannot encrypt (no keyring): the token stays in memory only. */
  safeStorageUnavailable: 'safe_storage_unavailable',
  /** `--server-url=` or MINKA_SERVER_URL is not an http(s) address. */
  badServerUrl: 'bad_server_url',
  /** The preload ran without the server URL switch (a window opened by hand). */
  noServerUrl: 'no_server_url',
  /** The built renderer could not be loaded (run `npm run build`). */
  appLoadFailed: 'app_load_failed',
  /** Opening a link in the system browser failed. */
  openExternalFailed: 'open_external_failed',
  /** Exporting a document (PDF, DOCX, Markdown, HTML) failed. */
  exportFailed: 'export_failed',
} as const;

export const DOC_ERROR_CODES = {
  /** A mutation named an entry, column or card this document does not have. */
  itemNotFound: 'item_not_found',
  /** A title made only of spaces. */
  emptyTitle: 'empty_title',
  /** A WIP limit that is not a whole number above zero. */
  invalidWipLimit: 'invalid_wip_limit',
  /** A due date not written YYYY-MM-DD. */
  invalidDueDate: 'invalid_due_date',
  /** A priority outside the board's list. */
  invalidPriority: 'invalid_priority',
} as const;

export const ERROR_CODES = {
  ...API_ERROR_CODES,
  ...CLIENT_ERROR_CODES,
  ...DESKTOP_ERROR_CODES,
  ...DOC_ERROR_CODES,
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

const KNOWN = new Set<string>(Object.values(ERROR_CODES));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}

/** An error with a code from {@link ERROR_CODES}; `message` is English, for logs. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}
