/**
 * Registers main's IPC handlers from the contract in shared/ipc. Each call is checked before its
 * handler runs: it must come from the top frame of a page on app://minka (a navigated-away,
 * destroyed or embedded frame gets nothing), and its arguments must match the channel's zod
 * schema. A refused call rejects in the renderer with the code in the message.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IpcChannel, type IpcChannelName } from '../../shared/ipc/channels';
import { ipcSchemas, type IpcArgs, type IpcResult } from '../../shared/ipc/schemas';
import { isAppUrl } from './appOrigin';
import type { ErrorCode } from '../../shared/protocol/errors';

/** Who made a call that passed the checks; handlers that open a dialog or print need its page. */
export interface IpcCallContext {
  readonly sender: WebContents;
}

/** One handler per channel; `satisfies IpcHandlers` in main keeps them in step with the contract. */
export type IpcHandlers = {
  readonly [C in IpcChannelName]: (
    ...args: [...IpcArgs<C>, IpcCallContext]
  ) => IpcResult<C> | Promise<IpcResult<C>>;
};

export type IpcRefusalCode = Extract<ErrorCode, 'ipc_foreign_sender' | 'ipc_bad_arguments'>;

export class IpcRefusedError extends Error {
  constructor(
    readonly code: IpcRefusalCode,
    channel: string,
  ) {
    super(
      code === 'ipc_foreign_sender'
        ? `${code}: ${channel} solo responde a la página principal de app://minka.`
        : `${code}: los argumentos de ${channel} no son válidos.`,
    );
    this.name = 'IpcRefusedError';
  }
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;
type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

export type IpcCheck<C extends IpcChannelName> =
  | { readonly ok: true; readonly args: IpcArgs<C> }
  | { readonly ok: false; readonly code: IpcRefusalCode };

export function checkIpcCall<C extends IpcChannelName>(
  channel: C,
  event: SenderEvent,
  args: unknown[],
): IpcCheck<C> {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined || frame.parent !== null || !isAppUrl(frame.url)) {
    return { ok: false, code: 'ipc_foreign_sender' };
  }
  const parsed = ipcSchemas[channel].args.safeParse(args);
  if (!parsed.success) return { ok: false, code: 'ipc_bad_arguments' };
  return { ok: true, args: parsed.data as IpcArgs<C> };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlers): void {
  for (const channel of Object.values(IpcChannel)) {
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, (event: InvokeEvent, ...args: unknown[]) => {
      const check = checkIpcCall(channel, event, args);
      if (!check.ok) throw new IpcRefusedError(check.code, channel);
      const context: IpcCallContext = { sender: event.sender };
      return handler(...check.args, context);
    });
  }
}
