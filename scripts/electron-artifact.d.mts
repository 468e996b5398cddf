export interface ElectronArtifact {
  /** Without the leading v: 45.5.0 */
  version: string;
  platform: string;
  arch: string;
  /** electron-v45.5.0-linux-x64.zip */
  fileName: string;
  url: string;
  /** Where @electron/get keeps the zip once downloaded; null with force_no_cache=true. */
  cachePath: string | null;
}

export function electronArtifact(input: {
  version: string;
  platform: string;
  arch: string;
  env: Record<string, string | undefined>;
  cacheRoot: string;
  isRosetta?: () => boolean;
}): ElectronArtifact;

export function fetchLine(artifact: ElectronArtifact, options: { sizeBytes: number | null; cached: boolean }): string;
export function describeSize(platform: string, sizeBytes: number | null): string;
export function progressText(platform: string, receivedBytes: number, sizeBytes: number | null): string;
export function installerError(stderr: string, exitCode: number | null): string;
