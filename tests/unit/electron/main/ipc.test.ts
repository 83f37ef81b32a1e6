import { describe, expect, it, vi } from 'vitest';
import { checkIpcCall, registerIpcHandlers, type IpcHandlers } from '../../../../electron/main/ipc';
import { IpcChannel, type IpcChannelName } from '../../../../shared/ipc/channels';

const topAppFrame = { url: 'app://minka/index.html', parent: null };
const server = 'http://127.0.0.1:4455';

type Handle = (event: unknown, ...args: unknown[]) => unknown;

/** One well-formed call per channel and what its handler answers. */
const validCalls: Record<IpcChannelName, { args: unknown[]; result: unknown }> = {
  [IpcChannel.getInfo]: { args: [], result: { version: '0.1.0', platform: 'linux' } },
  [IpcChannel.setLanguage]: { args: ['en'], result: undefined },
  [IpcChannel.loadToken]: { args: [server], result: 'token-1' },
  [IpcChannel.saveToken]: { args: [server, 'token-1'], result: { stored: true } },
  [IpcChannel.clearToken]: { args: [server], result: undefined },
  [IpcChannel.exportDocument]: {
    args: [{ format: 'markdown', title: 'Acta', markdown: '# Acta' }],
    result: { status: 'cancelled' },
  },
  [IpcChannel.notify]: { args: [{ title: 'Minka', body: 'Hola' }], result: undefined },
  [IpcChannel.answerQuitCheck]: { args: [1, 3], result: undefined },
};

/** Malformed arguments per channel: wrong types, extra arguments, smuggled fields, oversized. */
const malformedCalls: Record<IpcChannelName, unknown[][]> = {
  [IpcChannel.getInfo]: [['unexpected'], [{ __proto__: { polluted: true } }], [undefined]],
  [IpcChannel.setLanguage]: [[], ['fr'], ['es-419', 'extra'], [{ toString: () => 'en' }]],
  [IpcChannel.loadToken]: [
    [],
    ['http://127.0.0.1:4455/api'],
    ['file:///etc/passwd'],
    ['http://user:pw@127.0.0.1:4455'],
    [42],
  ],
  [IpcChannel.saveToken]: [[server], [server, ''], [server, 7], [server, 'x'.repeat(20_000)]],
  [IpcChannel.clearToken]: [[], ['javascript:alert(1)']],
  [IpcChannel.exportDocument]: [
    [],
    [{ format: 'docx', title: 'x', html: '' }],
    [{ format: 'pdf', title: 'x' }],
    [{ format: 'html', title: 'x', html: '<p>', path: '/etc/passwd' }],
    [{ format: 'markdown', title: 'x', html: '<p>' }],
  ],
  [IpcChannel.notify]: [[], [{ title: '', body: 'x' }], [{ title: 'x', body: 'y', icon: '/x' }]],
  [IpcChannel.answerQuitCheck]: [[], [1], [1, -1], [1.5, 2], ['1', 2], [1, 2, 3]],
};

function register() {
  const handles = new Map<string, Handle>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Handle) => handles.set(channel, listener)),
  };
  const handlers = Object.fromEntries(
    Object.values(IpcChannel).map((channel) => [channel, vi.fn(() => validCalls[channel].result)]),
  ) as unknown as Record<IpcChannelName, ReturnType<typeof vi.fn>>;
  registerIpcHandlers(ipcMain as never, handlers as unknown as IpcHandlers);
  return { handles, handlers };
}

const channels = Object.values(IpcChannel);

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...register().handles.keys()]).toEqual(channels);
  });

  it.each(channels)('%s answers the app page with the validated arguments', (channel) => {
    const { handles, handlers } = register();
    const sender = { id: 1 };
    const { args, result } = validCalls[channel];
    expect(handles.get(channel)?.({ senderFrame: topAppFrame, sender }, ...args)).toEqual(result);
    expect(handlers[channel]).toHaveBeenCalledWith(...args, { sender });
  });

  const senders = [
    ['a missing frame', null],
    ['an undefined frame', undefined],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://minka.evil.example/index.html', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['another app host', { url: 'app://other/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://minka/index.html', parent: topAppFrame }],
  ] as const;

  describe.each(channels)('%s', (channel) => {
    it.each(senders)(
      'refuses a call from %s without running the handler',
      (_label, senderFrame) => {
        const { handles, handlers } = register();
        expect(() =>
          handles.get(channel)?.({ senderFrame, sender: {} }, ...validCalls[channel].args),
        ).toThrow(/ipc_foreign_sender/);
        expect(handlers[channel]).not.toHaveBeenCalled();
      },
    );

    it.each(malformedCalls[channel].map((args) => [args]))(
      'refuses malformed arguments %j',
      (args) => {
        const { handles, handlers } = register();
        expect(() =>
          handles.get(channel)?.({ senderFrame: topAppFrame, sender: {} }, ...args),
        ).toThrow(/ipc_bad_arguments/);
        expect(handlers[channel]).not.toHaveBeenCalled();
      },
    );
  });
});

describe('checkIpcCall', () => {
  it('accepts the app top frame with well-formed arguments', () => {
    expect(checkIpcCall(IpcChannel.getInfo, { senderFrame: topAppFrame as never }, [])).toEqual({
      ok: true,
      args: [],
    });
  });
});
