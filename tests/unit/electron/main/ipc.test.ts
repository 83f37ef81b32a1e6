import { describe, expect, it, vi } from 'vitest';
import { checkIpcCall, registerIpcHandlers } from '../../../../electron/main/ipc';
import { IpcChannel } from '../../../../shared/ipc/channels';

const topAppFrame = { url: 'app://minka/index.html', parent: null };

type Handle = (event: unknown, ...args: unknown[]) => unknown;

function register() {
  const handles = new Map<string, Handle>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Handle) => handles.set(channel, listener)),
  };
  const getInfo = vi.fn(() => ({ version: '0.1.0', platform: 'linux' }));
  registerIpcHandlers(ipcMain as never, { [IpcChannel.getInfo]: getInfo });
  return { handles, getInfo };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...register().handles.keys()]).toEqual(Object.values(IpcChannel));
  });

  it('answers the app page', () => {
    const { handles, getInfo } = register();
    expect(handles.get(IpcChannel.getInfo)?.({ senderFrame: topAppFrame })).toEqual({
      version: '0.1.0',
      platform: 'linux',
    });
    expect(getInfo).toHaveBeenCalled();
  });

  it.each([
    ['a missing frame', null],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['another app host', { url: 'app://other/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://minka/index.html', parent: topAppFrame }],
  ])('refuses a call from %s without running the handler', (_label, senderFrame) => {
    const { handles, getInfo } = register();
    expect(() => handles.get(IpcChannel.getInfo)?.({ senderFrame })).toThrow(
      /MINKA_IPC_FOREIGN_SENDER/,
    );
    expect(getInfo).not.toHaveBeenCalled();
  });

  it.each([[['unexpected']], [[{ __proto__: { polluted: true } }]], [[undefined]]])(
    'refuses malformed arguments %j',
    (args) => {
      const { handles, getInfo } = register();
      expect(() =>
        handles.get(IpcChannel.getInfo)?.({ senderFrame: topAppFrame }, ...args),
      ).toThrow(/MINKA_IPC_BAD_ARGUMENTS/);
      expect(getInfo).not.toHaveBeenCalled();
    },
  );
});

describe('checkIpcCall', () => {
  it('accepts the app top frame with well-formed arguments', () => {
    expect(checkIpcCall(IpcChannel.getInfo, { senderFrame: topAppFrame as never }, [])).toEqual({
      ok: true,
      args: [],
    });
  });
});
