import { onDemandModule } from '../../components/on-demand-module';

/**
 * The graph library is most of a pipeline page's weight: it is split from the first chunk and loaded
 * while the person is on the way to a pipeline (the pipelines list, the pipeline's file being read).
 */
export const pipelineGraphModule = onDemandModule(() => import('./pipeline-graph'));

/** Starts loading the graph; a failure shows where the graph is used. */
export function preloadPipelineGraph(): void {
  void pipelineGraphModule.preload().catch(() => undefined);
}
