import type { AppSettings } from '../../../electron/contract';

export type Theme = AppSettings['theme'];

const CACHE_KEY = 'orchest-desktop.theme';

/** `system` leaves the choice to prefers-color-scheme; the others pin it with data-theme on <html>. */
export function themeAttribute(theme: Theme): 'light' | 'dark' | undefined {
  return theme === 'system' ? undefined : theme;
}

export function applyTheme(root: HTMLElement, theme: Theme): void {
  const attribute = themeAttribute(theme);
  if (attribute) root.dataset.theme = attribute;
  else delete root.dataset.theme;
}

/** The last theme seen, so a reload paints in it before the settings arrive from the main process. */
export function cachedTheme(storage: () => Pick<Storage, 'getItem'>): Theme {
  const value = safely(() => storage().getItem(CACHE_KEY));
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function cacheTheme(storage: () => Pick<Storage, 'setItem'>, theme: Theme): void {
  safely(() => storage().setItem(CACHE_KEY, theme));
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined; // storage can be switched off; the theme then simply follows the settings
  }
}
