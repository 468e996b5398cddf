import type { MenuItemConstructorOptions } from 'electron';

/** The standard menus, by role, so that shortcuts (copy, paste, reload, zoom, quit) work everywhere. */
export function appMenu(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: mac ? [] : [{ role: 'about' }] },
  ];
}
