import { z } from 'zod';
import { PipelineDocument, PipelinePath, PipelineSettings, PipelineStepInput, ServiceDefinition } from './pipeline-schemas';
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
  /**
   * Replaces the steps (whole steps, keyed by uuid) and optionally the pipeline parameters; values equal to
   * the file's keep its bytes. Refused with PIPELINE_INVALID while any step breaks a rule (a cycle too).
   */
  'pipelines.saveSteps': {
    input: revised.extend({
      steps: z.record(z.string(), PipelineStepInput),
      parameters: z.record(z.string(), z.unknown()).optional(),
    }),
    output: PipelineDocument,
  },
  /** Creates a step's file, relative to the pipeline's folder: empty, or a notebook for the environment's kernel. */
  'pipelines.createStepFile': {
    input: onePipeline.extend({ filePath: z.string().min(1, 'Give the file a name'), environment: z.string().optional() }),
    output: z.object({ filePath: z.string() }),
  },
} as const;
