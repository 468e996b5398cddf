/** The selection after a click on a step: only that step, or with Shift/Ctrl/Cmd, that step toggled in or out. */
export function pickStep(selected: readonly string[], step: string, additive: boolean): string[] {
  if (!additive) return [step];
  return selected.includes(step) ? selected.filter((s) => s !== step) : [...selected, step];
}

/** The steps of a pipeline definition, by uuid. */
export function stepIds(steps: unknown): string[] {
  return typeof steps === 'object' && steps !== null && !Array.isArray(steps) ? Object.keys(steps) : [];
}
