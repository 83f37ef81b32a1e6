/**
 * Argument and result schemas of every IPC call in ./channels. Main validates each call's
 * arguments against these before running a handler: the renderer is treated as untrusted input,
 * like a network peer.
 */
import { z } from 'zod';
import { IpcChannel, type IpcChannelName } from './channels';

export const appInfoSchema = z.object({
  version: z.string().min(1),
  platform: z.string().min(1),
});

export type AppInfo = z.infer<typeof appInfoSchema>;

export const ipcSchemas = {
  [IpcChannel.getInfo]: { args: z.tuple([]), result: appInfoSchema },
} as const satisfies Record<IpcChannelName, { args: z.ZodTuple; result: z.ZodType }>;

export type IpcArgs<C extends IpcChannelName> = z.infer<(typeof ipcSchemas)[C]['args']>;
export type IpcResult<C extends IpcChannelName> = z.infer<(typeof ipcSchemas)[C]['result']>;
