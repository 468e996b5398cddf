import type Docker from 'dockerode';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PipelineDocument } from '../../contract';
import { AppError } from '../app-error';
import { newestEnvironmentImage } from '../environments/environment-images';
import type { ContainerFiles } from './container-files';
import { sessionUuidOf } from './session-identity';
import { ENVIRONMENT_IMAGE_PREFIX, planSession, type ServiceDefinition, type SessionPlan } from './session-plan';

export interface SessionSources {
  projectFolder(projectId: string): Promise<string>;
  pipeline(projectId: string, relative: string): Promise<PipelineDocument>;
  variables(projectId: string, pipelineUuid: string): Promise<Record<string, string>>;
  dataDir(): string;
  /** The owner label value of this app instance. */
  owner: string;
  containerFiles: ContainerFiles;
  /** The port proxy's origin, once it listens. */
  proxyOrigin(): string | undefined;
}

export interface PreparedSession {
  plan: SessionPlan;
  projectId: string;
  projectDir: string;
  pipelineUuid: string;
}

/**
 * Reads what a session is made of from disk and the engine, as it is now, and plans it; writes the
 * service specs that the `orchest` SDK of its containers reads.
 */
export async function prepareSession(
  sources: SessionSources,
  docker: Docker,
  projectId: string,
  relative: string,
): Promise<PreparedSession> {
  const [projectDir, pipeline] = await Promise.all([sources.projectFolder(projectId), sources.pipeline(projectId, relative)]);
  const serviceIssues = pipeline.issues.filter((issue) => issue.path.startsWith('services') || issue.service);
  if (serviceIssues.length > 0) {
    const listed = serviceIssues.map((issue) => `${issue.service ?? issue.path}: ${issue.message}`).join('; ');
    throw new AppError('PIPELINE_INVALID', `Fix the pipeline's services before starting a session: ${listed}`);
  }
  const pipelineUuid = pipeline.definition.uuid;
  if (typeof pipelineUuid !== 'string') throw new AppError('PIPELINE_INVALID', `${relative} has no uuid`);
  const services = (pipeline.definition.services ?? {}) as Record<string, ServiceDefinition>;
  // The workspace's data folder is made when missing rather than left to Docker (which would make it as root).
  if (Object.values(services).some((s) => s.binds?.['/data'])) await fs.mkdir(sources.dataDir(), { recursive: true });
  const inherits = Object.values(services).some((s) => (s.env_variables_inherit ?? []).length > 0);
  const sessionUuid = sessionUuidOf(projectId, pipelineUuid);
  const plan = planSession({
    owner: sources.owner,
    projectUuid: projectId,
    pipelineUuid,
    pipelineFile: path.join(projectDir, relative),
    projectDir,
    dataDir: sources.dataDir(),
    services,
    variables: inherits ? await sources.variables(projectId, pipelineUuid) : {},
    environmentImages: await environmentImages(docker, projectId, Object.values(services)),
    appBinds: await sources.containerFiles.binds(sessionUuid),
  });
  await sources.containerFiles.writeSession(sessionUuid, { services: plan.serviceSpecs, proxy_origin: sources.proxyOrigin() });
  return { plan, projectId, projectDir, pipelineUuid };
}

/** The newest build of each environment the services use, as Orchest locked them at session start. */
async function environmentImages(docker: Docker, projectUuid: string, services: ServiceDefinition[]) {
  const uuids = new Set(
    services.filter((s) => s.image.startsWith(ENVIRONMENT_IMAGE_PREFIX)).map((s) => s.image.slice(ENVIRONMENT_IMAGE_PREFIX.length)),
  );
  const images: Record<string, string> = {};
  for (const uuid of uuids) {
    const image = await newestEnvironmentImage(docker, projectUuid, uuid);
    if (image) images[uuid] = image;
  }
  return images;
}
