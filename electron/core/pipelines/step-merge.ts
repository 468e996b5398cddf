import path from 'node:path';
import { isLosslessNumber } from 'lossless-json';
import { AppError } from '../app-error';
import { isJsonObject, type JsonObject } from './json-value';
import { toPlainJson } from './orchest-json';

/**
 * The file's steps replaced by the steps the editor sent, keeping the file's own bytes where it can: a value
 * equal (as plain JSON) to the file's keeps the file's value (its floats' text), keys of a step or of its
 * `meta_data` that the editor left out stay, and steps it left out are removed. `pipelineFolder` is the
 * pipeline file's folder in the project (`.` at the top), against which step files are resolved.
 */
export function mergeSteps(fileSteps: unknown, sent: Record<string, JsonObject>, pipelineFolder: string): JsonObject {
  const before = isJsonObject(fileSteps) ? fileSteps : {};
  const merged: JsonObject = {};
  for (const [uuid, step] of Object.entries(sent)) {
    const old = isJsonObject(before[uuid]) ? before[uuid] : undefined;
    // Orchest keeps outgoing connections in memory only; the file stores incoming ones.
    const { outgoing_connections: _outgoing, ...incoming } = step;
    const next = { ...incoming, file_path: stepFilePath(step, old, pipelineFolder) };
    merged[uuid] = mergeStep(old, next);
  }
  return merged;
}

/** `next` with the values equal to `old`'s taken from `old`, so their text stays as the file wrote it. */
export function mergeJson(old: unknown, next: unknown): unknown {
  if (sameJson(old, next)) return old;
  if (isJsonObject(old) && isJsonObject(next)) {
    return Object.fromEntries(Object.entries(next).map(([key, value]) => [key, mergeJson(old[key], value)]));
  }
  if (Array.isArray(old) && Array.isArray(next) && old.length === next.length) {
    return next.map((value, i) => mergeJson(old[i], value));
  }
  return next;
}

function mergeStep(old: JsonObject | undefined, next: JsonObject): JsonObject {
  if (!old) return next;
  const merged = { ...old, ...(mergeJson(old, next) as JsonObject) };
  if (isJsonObject(old.meta_data) && isJsonObject(merged.meta_data)) merged.meta_data = { ...old.meta_data, ...merged.meta_data };
  return merged;
}

/** A changed file path in its short form (`./a.py` -> `a.py`); one that leaves the project is refused. */
function stepFilePath(step: JsonObject, old: JsonObject | undefined, pipelineFolder: string): unknown {
  const filePath = step.file_path;
  if (typeof filePath !== 'string' || filePath === '' || filePath === old?.file_path) return filePath;
  const title = typeof step.title === 'string' && step.title ? step.title : String(step.uuid);
  const refuse = () =>
    new AppError('INVALID_INPUT', `Step '${title}': its file ${filePath} is outside the project`, `steps.${String(step.uuid)}.file_path`);
  const portable = filePath.replaceAll('\\', '/');
  if (path.posix.isAbsolute(portable)) {
    // Orchest's steps may also run a file of the shared /data folder.
    const normal = path.posix.normalize(portable);
    if (normal.startsWith('/data/')) return normal;
    throw refuse();
  }
  const normal = path.posix.normalize(portable);
  const inProject = path.posix.normalize(path.posix.join(pipelineFolder, normal));
  if (inProject === '..' || inProject.startsWith('../') || /^[a-zA-Z]:/.test(portable)) throw refuse();
  return normal;
}

/** Equal as plain JSON: LosslessNumbers by value, object keys in any order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (isLosslessNumber(a) || isLosslessNumber(b)) return toPlainJson(a) === toPlainJson(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => sameJson(value, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key]));
  }
  return a === b;
}
