import type { WebContents } from 'electron';
import { isAllowedNavigation } from '../core/policies/navigation-policy';
import type { ExternalOpener } from './external-opener';

/**
 * Keeps every web contents on the app's own pages: no navigation or new window elsewhere, no <webview>.
 * A refused URL that the external policy allows (a service on our proxy) goes to the system browser.
 */
export function guardWebContents(contents: WebContents, opener: ExternalOpener): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    opener.open(url);
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The app has one window: links that would open another go to the browser if allowed, else nowhere.
  contents.setWindowOpenHandler(({ url }) => {
    if (!isAllowedNavigation(url)) opener.open(url);
    return { action: 'deny' };
  });
}
