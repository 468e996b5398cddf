export type ElectronAvailability = { ok: true; binary: string } | { ok: false; reason: string };

export function electronAvailability(input: {
  /** node_modules/electron */
  electronDir: string;
  /** The content of node_modules/electron/path.txt, or null when it is missing. */
  pathTxt: string | null;
  binaryExists: (file: string) => boolean;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}): ElectronAvailability;
