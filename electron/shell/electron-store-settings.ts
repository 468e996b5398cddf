import Store from 'electron-store';
import { StoreSettings } from '../core/settings/settings';

/** Settings inside Electron: electron-store on the same settings.json in the app's home as the host's conf. */
export function electronStoreSettings(home: string): StoreSettings {
  return new StoreSettings(new Store<Record<string, unknown>>({ cwd: home, name: 'settings' }));
}
