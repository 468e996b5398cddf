import { describe, expect, it } from 'vitest';
import { appMenu } from '../../../electron/shell/app-menu';

describe('appMenu', () => {
  it('has the standard role menus, with the app menu on macOS only', () => {
    expect(appMenu('darwin').map((item) => item.role)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(appMenu('linux').map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu', 'help']);
    expect(appMenu('win32')).toEqual(appMenu('linux'));
  });
});
