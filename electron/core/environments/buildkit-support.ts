import type Docker from 'dockerode';

const atLeast = (version: string, major: number, minor: number) => {
  const [a = 0, b = 0] = version.split(/[.+-]/).map(Number);
  return a > major || (a === major && b >= minor);
};

/** Whether an engine that says this of itself builds with BuildKit: Docker 18.09 and API 1.39 on, on Linux. */
export function supportsBuildkit(version: { Version?: string; ApiVersion?: string; Os?: string }): boolean {
  return atLeast(version.Version ?? '0', 18, 9) && atLeast(version.ApiVersion ?? '0', 1, 39) && (version.Os ?? 'linux') !== 'windows';
}

export async function engineSupportsBuildkit(docker: Docker): Promise<boolean> {
  return supportsBuildkit(await docker.version());
}
