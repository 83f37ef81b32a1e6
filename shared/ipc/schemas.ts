/**
 * Argument and result schemas of every IPC call in ./channels. Main validates each call's
 * arguments against these before running a handler: the renderer is treated as untrusted input,
 * like a network peer. Limits are generous for real use and small enough that a compromised
 * page cannot make main allocate without bound.
 */
import { z } from 'zod';
import { IpcChannel, parseServerOrigin, type IpcChannelName } from './channels';
import { EXPORT_FORMATS, UI_LANGUAGES } from './events';
import { DESKTOP_ERROR_CODES } from '../protocol/errors';

export const appInfoSchema = z.object({
  version: z.string().min(1),
  platform: z.string().min(1),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A sync server origin as {@link parseServerOrigin} returns it; tokens are kept per server. */
export const serverOriginSchema = z
  .string()
  .max(2048)
  .refine((value) => parseServerOrigin(value) === value, 'not a bare http(s) origin');

export const tokenSchema = z.string().min(1).max(16_384);

export const tokenSaveResultSchema = z.discriminatedUnion('stored', [
  z.object({ stored: z.literal(true) }),
  /** The OS offers no encryption (e.g. Linux without a keyring): Minka keeps no plaintext token. */
  z.object({
    stored: z.literal(false),
    code: z.literal(DESKTOP_ERROR_CODES.safeStorageUnavailable),
  }),
]);
export type TokenSaveResult = z.infer<typeof tokenSaveResultSchema>;

const MAX_EXPORT_CHARS = 32 * 1024 * 1024;
const titleSchema = z.string().max(500);

export const exportRequestSchema = z.discriminatedUnion('format', [
  /** `html` is a whole standalone document (renderer/features/documents/export). */
  z.strictObject({
    format: z.literal('pdf'),
    title: titleSchema,
    html: z.string().max(MAX_EXPORT_CHARS),
  }),
  z.strictObject({
    format: z.literal('html'),
    title: titleSchema,
    html: z.string().max(MAX_EXPORT_CHARS),
  }),
  z.strictObject({
    format: z.literal('markdown'),
    title: titleSchema,
    markdown: z.string().max(MAX_EXPORT_CHARS),
  }),
  /** The sync panel's pending changes (renderer/features/sync/pendingExport.ts). */
  z.strictObject({
    format: z.literal('changes'),
    title: titleSchema,
    json: z.string().max(MAX_EXPORT_CHARS),
  }),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

export const exportResultSchema = z.discriminatedUnion('status', [
  /** `fileName` is the base name only: the page never learns the folder. */
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

export const notificationSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
});
export type OsNotification = z.infer<typeof notificationSchema>;

export const uiLanguageSchema = z.enum(UI_LANGUAGES);

/** Request ids main puts on MainEvent.quitCheck; the renderer echoes one back with its count. */
export const quitCheckIdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const pendingCountSchema = z.number().int().nonnegative().max(1_000_000_000);

export const ipcSchemas = {
  [IpcChannel.getInfo]: { args: z.tuple([]), result: appInfoSchema },
  [IpcChannel.setLanguage]: { args: z.tuple([uiLanguageSchema]), result: z.void() },
  [IpcChannel.loadToken]: { args: z.tuple([serverOriginSchema]), result: tokenSchema.nullable() },
  [IpcChannel.saveToken]: {
    args: z.tuple([serverOriginSchema, tokenSchema]),
    result: tokenSaveResultSchema,
  },
  [IpcChannel.clearToken]: { args: z.tuple([serverOriginSchema]), result: z.void() },
  [IpcChannel.exportDocument]: { args: z.tuple([exportRequestSchema]), result: exportResultSchema },
  [IpcChannel.notify]: { args: z.tuple([notificationSchema]), result: z.void() },
  [IpcChannel.answerQuitCheck]: {
    args: z.tuple([quitCheckIdSchema, pendingCountSchema]),
    result: z.void(),
  },
} as const satisfies Record<IpcChannelName, { args: z.ZodTuple; result: z.ZodType }>;

export type IpcArgs<C extends IpcChannelName> = z.infer<(typeof ipcSchemas)[C]['args']>;
export type IpcResult<C extends IpcChannelName> = z.infer<(typeof ipcSchemas)[C]['result']>;
