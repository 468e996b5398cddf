import { z } from 'zod';
import { PipelineDocument, PipelinePath, PipelineSettings, ServiceDefinition } from './pipeline-schemas';
import { inProject, ok } from './request-helpers';
import { PipelineSummary } from './schemas';

const onePipeline = inProject.extend({ path: PipelinePath });

const revised = onePipeline.extend({ revision: z.string() });

export const pipelineRequests = {
  /** The migrated definition and what breaks Orchest's rules; a file that does not parse is PIPELINE_INVALID. */
  'pipelines.get': { input: onePipeline, output: PipelineDocument },
  'pipelines.create': {
    input: onePipeline.extend({ name: z.string().min(1, 'Give the pipeline a name').max(255) }),
    output: PipelineSummary,
  },
  'pipelines.rename': {
    input: revised.extend({ name: z.string().min(1, 'Give the pipeline a name').max(255) }),
    output: PipelineDocument,
  },
  'pipelines.delete': { input: onePipeline, output: ok },
  /** Replaces the pipeline's services; refused with PIPELINE_INVALID while any breaks a rule. */
  'pipelines.saveServices': {
    input: revised.extend({ services: z.record(z.string(), ServiceDefinition) }),
    output: PipelineDocument,
  },
  /** Sets the settings a person edits; others the file has stay. */
  'pipelines.saveSettings': {
    input: revised.extend({ settings: PipelineSettings }),
    output: PipelineDocument,
  },
} as const;
