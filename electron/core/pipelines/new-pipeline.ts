import { randomUUID } from 'node:crypto';

/** A new pipeline as Orchest's CreatePipeline wrote it. */
export function newPipelineDefinition(name: string): Record<string, unknown> {
  return {
    name,
    version: '1.0.0',
    uuid: randomUUID(),
    settings: { auto_eviction: false, data_passing_memory_size: '1GB' },
    steps: {},
    parameters: {},
  };
}
