import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, type PreloadApi } from '../contract/wire';

/** The page gets these two functions and nothing else of Electron or Node. */
const api: PreloadApi = {
  request: (name, input) => ipcRenderer.invoke(IPC_REQUEST_CHANNEL, String(name), input),
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => void ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('orchestDesktop', api);
