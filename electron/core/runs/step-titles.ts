import type { PipelineDefinition } from '../../contract';

/** Each step's title by its uuid (the uuid where it has none). */
export function stepTitles(definition: PipelineDefinition): Record<string, string> {
  const steps = definition.steps;
  if (typeof steps !== 'object' || steps === null || Array.isArray(steps)) return {};
  return Object.fromEntries(
    Object.entries(steps).map(([uuid, step]) => {
      const title = (step as { title?: unknown } | null)?.title;
      return [uuid, typeof title === 'string' && title ? title : uuid];
    }),
  );
}
