/**
 * Pure edits of a pipeline's steps (Orchest's step objects), shared by the renderer's editor and the core.
 * Every function returns new objects and never changes its input: the editor keeps them in an undo history.
 * Steps an edit does not touch are shared, not copied.
 */

export interface PipelineStep {
  uuid: string;
  title: string;
  file_path: string;
  environment: string;
  kernel: { name: string; display_name: string };
  parameters: Record<string, unknown>;
  incoming_connections: string[];
  meta_data: { position: [number, number]; hidden: boolean; [key: string]: unknown };
  [key: string]: unknown;
}
export type PipelineSteps = Record<string, PipelineStep>;
export type GraphEdit = { ok: true; steps: PipelineSteps } | { ok: false; reason: string };

export interface StepEnvironment {
  name: string;
  language: string;
}

/** The size of a step box in the editor, in canvas units; `meta_data.position` is its top-left corner. */
export const STEP_BOX = { width: 200, height: 100 } as const;
/** Space kept free around a box when placing new steps. */
const STEP_GAP = 40;

export function orchestKernelName(environmentUuid: string): string {
  return `orchest-kernel-${environmentUuid}`;
}

/** Orchest's `kernel` of a step: the environment's language and name. */
export function kernelFor(environment: StepEnvironment): { name: string; display_name: string } {
  const language = environment.language.toLowerCase();
  return { name: language === 'ir' ? 'r' : language, display_name: environment.name };
}

/** A new step with the defaults of Orchest's editor (reference section 12). */
export function newStep(options: {
  uuid: string;
  filePath: string;
  title?: string;
  environment?: { uuid: string; name: string; language: string };
  position: [number, number];
}): PipelineStep {
  return {
    title: options.title ?? '',
    uuid: options.uuid,
    incoming_connections: [],
    file_path: options.filePath,
    kernel: options.environment ? kernelFor(options.environment) : { name: 'python', display_name: '' },
    environment: options.environment?.uuid ?? '',
    parameters: {},
    meta_data: { position: [options.position[0], options.position[1]], hidden: false },
  };
}

/** A definition's `steps` as step objects, missing keys filled with Orchest's defaults; entries that are not objects are dropped. */
export function readSteps(definitionSteps: unknown): PipelineSteps {
  const steps: PipelineSteps = {};
  if (!isRecord(definitionSteps)) return steps;
  for (const [key, value] of Object.entries(definitionSteps)) {
    if (isRecord(value)) steps[key] = readStep(key, value);
  }
  return steps;
}

function readStep(key: string, raw: Record<string, unknown>): PipelineStep {
  const kernel = isRecord(raw.kernel) ? raw.kernel : {};
  const metaData = isRecord(raw.meta_data) ? raw.meta_data : {};
  const position = Array.isArray(metaData.position) ? metaData.position : [];
  return {
    ...raw,
    uuid: typeof raw.uuid === 'string' ? raw.uuid : key,
    title: typeof raw.title === 'string' ? raw.title : '',
    file_path: typeof raw.file_path === 'string' ? raw.file_path : '',
    environment: typeof raw.environment === 'string' ? raw.environment : '',
    kernel: {
      ...kernel,
      name: typeof kernel.name === 'string' ? kernel.name : 'python',
      display_name: typeof kernel.display_name === 'string' ? kernel.display_name : '',
    },
    parameters: isRecord(raw.parameters) ? raw.parameters : {},
    incoming_connections: Array.isArray(raw.incoming_connections)
      ? raw.incoming_connections.filter((uuid): uuid is string => typeof uuid === 'string')
      : [],
    meta_data: {
      ...metaData,
      position: [finiteOr(position[0], 0), finiteOr(position[1], 0)],
      hidden: typeof metaData.hidden === 'boolean' ? metaData.hidden : false,
    },
  };
}

/** How messages name a step: its title, else its file, else its uuid. */
export function stepLabel(steps: PipelineSteps, uuid: string): string {
  const step = steps[uuid];
  return step?.title || step?.file_path || uuid;
}

/** Adds `from` to the incoming connections of `to`; refuses a self connection, a duplicate and a cycle. */
export function connectSteps(steps: PipelineSteps, from: string, to: string): GraphEdit {
  const target = steps[to];
  if (!steps[from]) return { ok: false, reason: `There is no step ${from}` };
  if (!target) return { ok: false, reason: `There is no step ${to}` };
  const fromLabel = stepLabel(steps, from);
  const toLabel = stepLabel(steps, to);
  if (from === to) return { ok: false, reason: `${fromLabel} cannot be connected to itself` };
  if (target.incoming_connections.includes(from)) {
    return { ok: false, reason: `${fromLabel} is already connected to ${toLabel}` };
  }
  const loop = pathBetween(steps, to, from);
  if (loop) {
    const chain = loop.map((uuid) => stepLabel(steps, uuid)).join(' → ');
    return { ok: false, reason: `connecting ${fromLabel} to ${toLabel} would make a cycle: ${chain}` };
  }
  return { ok: true, steps: { ...steps, [to]: { ...target, incoming_connections: [...target.incoming_connections, from] } } };
}

export function disconnectSteps(steps: PipelineSteps, from: string, to: string): PipelineSteps {
  const target = steps[to];
  if (!target || !target.incoming_connections.includes(from)) return { ...steps };
  return { ...steps, [to]: { ...target, incoming_connections: target.incoming_connections.filter((uuid) => uuid !== from) } };
}

/** Removes the steps and every connection to them. */
export function removeSteps(steps: PipelineSteps, uuids: readonly string[]): PipelineSteps {
  const removed = new Set(uuids);
  const result: PipelineSteps = {};
  for (const [key, step] of Object.entries(steps)) {
    if (removed.has(key)) continue;
    result[key] = step.incoming_connections.some((uuid) => removed.has(uuid))
      ? { ...step, incoming_connections: step.incoming_connections.filter((uuid) => !removed.has(uuid)) }
      : step;
  }
  return result;
}

/**
 * Copies the steps with new uuids, laid out as the originals are, moved beside them to a free place.
 * Connections among the copied steps join the copies; connections from other steps are kept.
 */
export function duplicateSteps(
  steps: PipelineSteps,
  uuids: readonly string[],
  newUuid: () => string,
): { steps: PipelineSteps; copies: Record<string, string> } {
  const originals = [...new Set(uuids)].filter((uuid) => steps[uuid]);
  const copies: Record<string, string> = {};
  for (const uuid of originals) copies[uuid] = newUuid();
  const [dx, dy] = freeOffset(steps, originals.map((uuid) => steps[uuid]!.meta_data.position));
  const result: PipelineSteps = { ...steps };
  for (const uuid of originals) {
    const original = steps[uuid]!;
    const copy = structuredClone(original);
    const [x, y] = original.meta_data.position;
    copy.uuid = copies[uuid]!;
    copy.incoming_connections = original.incoming_connections.map((parent) => copies[parent] ?? parent);
    copy.meta_data.position = [x + dx, y + dy];
    result[copy.uuid] = copy;
  }
  return { steps: result, copies };
}

export function moveSteps(steps: PipelineSteps, positions: Record<string, [number, number]>): PipelineSteps {
  const result: PipelineSteps = { ...steps };
  for (const [uuid, [x, y]] of Object.entries(positions)) {
    const step = steps[uuid];
    if (step) result[uuid] = { ...step, meta_data: { ...step.meta_data, position: [x, y] } };
  }
  return result;
}

/** Orders a step's incoming connections as `order` says; connections `order` leaves out keep their order after it. */
export function reorderIncoming(steps: PipelineSteps, uuid: string, order: string[]): PipelineSteps {
  const step = steps[uuid];
  if (!step) return { ...steps };
  const current = step.incoming_connections;
  const first = [...new Set(order)].filter((parent) => current.includes(parent));
  const rest = current.filter((parent) => !first.includes(parent));
  return { ...steps, [uuid]: { ...step, incoming_connections: [...first, ...rest] } };
}

/** A position near `near` (by default the origin) where a new step box overlaps none. */
export function freePosition(steps: PipelineSteps, near: [number, number] = [0, 0]): [number, number] {
  const [dx, dy] = freeOffset(steps, [near], true);
  return [near[0] + dx, near[1] + dy];
}

/**
 * The nearest shift, on a grid of box-sized cells, that puts every box at `positions` where no step is.
 * Without `allowZero` the boxes always move (a copy never lands on its original).
 */
function freeOffset(steps: PipelineSteps, positions: [number, number][], allowZero = false): [number, number] {
  const taken = Object.values(steps).map((step) => step.meta_data.position);
  const cellX = STEP_BOX.width + STEP_GAP;
  const cellY = STEP_BOX.height + STEP_GAP;
  const fits = (dx: number, dy: number) =>
    positions.every(([x, y]) => taken.every(([tx, ty]) => !overlaps(x + dx, y + dy, tx, ty)));
  for (let ring = allowZero ? 0 : 1; ; ring++) {
    for (const [i, j] of ringCells(ring)) {
      if (fits(i * cellX, j * cellY)) return [i * cellX, j * cellY];
    }
  }
}

/** Cells at Chebyshev distance `ring`, right and below first, so copies land beside their originals. */
function ringCells(ring: number): [number, number][] {
  if (ring === 0) return [[0, 0]];
  const cells: [number, number][] = [];
  for (let i = -ring; i <= ring; i++) {
    for (let j = -ring; j <= ring; j++) {
      if (Math.max(Math.abs(i), Math.abs(j)) === ring) cells.push([i, j]);
    }
  }
  const score = ([i, j]: [number, number]) => Math.abs(i) + Math.abs(j) + (i < 0 ? 0.5 : 0) + (j < 0 ? 0.25 : 0);
  return cells.sort((a, b) => score(a) - score(b));
}

function overlaps(x: number, y: number, tx: number, ty: number): boolean {
  return Math.abs(x - tx) < STEP_BOX.width + STEP_GAP / 2 && Math.abs(y - ty) < STEP_BOX.height + STEP_GAP / 2;
}

/** A cycle of the connections, as step uuids `[A, B, …, A]` following the data flow, or null; one walk of the graph. */
export function findCycle(steps: PipelineSteps): string[] | null {
  const children = childrenOf(steps);
  const done = new Set<string>();
  const trail: string[] = [];
  const onTrail = new Set<string>();
  const visit = (uuid: string): string[] | null => {
    trail.push(uuid);
    onTrail.add(uuid);
    for (const child of children.get(uuid) ?? []) {
      if (onTrail.has(child)) return [...trail.slice(trail.indexOf(child)), child];
      if (done.has(child)) continue;
      const found = visit(child);
      if (found) return found;
    }
    trail.pop();
    onTrail.delete(uuid);
    done.add(uuid);
    return null;
  };
  for (const uuid of Object.keys(steps)) {
    const found = done.has(uuid) ? null : visit(uuid);
    if (found) return found;
  }
  return null;
}

/** A shortest chain of connections from `start` to `goal` (both included), following the data flow, or null. */
function pathBetween(steps: PipelineSteps, start: string, goal: string): string[] | null {
  const children = childrenOf(steps);
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    const current = queue[next]!;
    if (current === goal) {
      const path: string[] = [];
      for (let at: string | null | undefined = current; at != null; at = cameFrom.get(at)) path.unshift(at);
      return path;
    }
    for (const child of children.get(current) ?? []) {
      if (!cameFrom.has(child)) {
        cameFrom.set(child, current);
        queue.push(child);
      }
    }
  }
  return null;
}

/** Each step's children (the steps that take its output); connections to unknown steps included. */
function childrenOf(steps: PipelineSteps): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [uuid, step] of Object.entries(steps)) {
    for (const parent of step.incoming_connections) {
      const known = children.get(parent);
      if (known) known.push(uuid);
      else children.set(parent, [uuid]);
    }
  }
  return children;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
