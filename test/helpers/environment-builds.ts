import type { EnvironmentBuild } from '../../electron/contract';
import type { OrchestApp } from '../../electron/core/app';

/** Builds the environment through the app and resolves with the build once it has ended. */
export async function buildToEnd(app: OrchestApp, projectId: string, environmentUuid: string): Promise<EnvironmentBuild> {
  await app.environments.build(projectId, environmentUuid);
  await app.environments.settled(projectId, environmentUuid);
  const [build] = await app.environments.builds(projectId, environmentUuid);
  return build!;
}
