import { useEffect } from 'react';
import { useStore } from 'zustand';
import { settingsStore } from '../stores/app-stores';
import { applyTheme, cacheTheme } from './theme';

/** Keeps <html data-theme> in step with the theme setting. */
export function useThemeSetting(): void {
  const theme = useStore(settingsStore, (s) => s.settings?.theme);
  useEffect(() => {
    if (!theme) return;
    applyTheme(document.documentElement, theme);
    cacheTheme(() => window.localStorage, theme);
  }, [theme]);
}
