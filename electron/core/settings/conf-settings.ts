import Conf from 'conf';
import { StoreSettings } from './settings';

/** Settings for the headless host and the tests: conf, in the app's home. */
export function createConfSettings(home: string): StoreSettings {
  return new StoreSettings(new Conf<Record<string, unknown>>({ cwd: home, configName: 'settings' }));
}
