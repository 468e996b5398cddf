export type ElectronAvailability = { action: 'launch'; binary: string } | { action: 'fetch' } | { action: 'serve'; reason: string };

export const FETCH_FLAG: '--fetch-electron';

export function startArguments(argv: string[]): { fetchRequested: boolean; args: string[] };

export function electronAvailability(input: {
  /** node_modules/electron */
  electronDir: string;
  /** The content of node_modules/electron/path.txt, or null when it is missing. */
  pathTxt: string | null;
  exists: (file: string) => boolean;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** `npm start -- --fetch-electron`: try the download even within the hour after a failed one. */
  fetchRequested?: boolean;
  /** The last failed download, remembered in the app home. */
  lastFetch?: { at: Date; error: string } | null;
  /** The download tried in this run; error is null when the installer succeeded. */
  attempt?: { error: string | null } | null;
  now: Date;
}): ElectronAvailability;
