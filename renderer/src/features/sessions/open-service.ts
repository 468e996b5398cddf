import { bridge } from '../../bridge/client';

interface ServicePortRef {
  projectId: string;
  path: string;
  service: string;
  port: number;
}

/** A fresh link from the main process: it signs the browser in to services that require it. */
export async function serviceLink(ref: ServicePortRef): Promise<string> {
  return (await bridge.request('services.link', ref)).url;
}

/**
 * Opens the service in a browser tab. The tab is opened within the click (so no popup blocker stops
 * it) and pointed at the link once it arrives; in the desktop app the window stays on its own pages
 * and the link goes to the system browser.
 */
export async function openService(ref: ServicePortRef): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = await serviceLink(ref);
    if (tab) {
      tab.opener = null;
      tab.location.replace(url);
    } else {
      window.open(url, '_blank', 'noopener');
    }
  } catch (error) {
    tab?.close();
    throw error;
  }
}
