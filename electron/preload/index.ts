/**
 * The preload: the whole of what the renderer can ask of Electron, exposed as `window.minka`
 * (shape in shared/ipc/bridge). It runs sandboxed, so it imports only electron and shared/ipc's
 * zod-free modules, and it hands the page named values and functions: never ipcRenderer, never
 * a function that takes a channel name.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { MinkaBridge } from '../../shared/ipc/bridge';
import { IpcChannel, readServerUrlSwitch } from '../../shared/ipc/channels';
import type { AppInfo } from '../../shared/ipc/schemas';

const serverUrl = readServerUrlSwitch(process.argv);
if (serverUrl === null) {
  throw new Error(
    'MINKA_NO_SERVER_URL: la ventana se abrió sin la URL del servidor; ábrala desde Minka, no a mano.',
  );
}

const bridge: MinkaBridge = {
  serverUrl,
  getInfo: (): Promise<AppInfo> => ipcRenderer.invoke(IpcChannel.getInfo) as Promise<AppInfo>,
};

contextBridge.exposeInMainWorld('minka', bridge);
