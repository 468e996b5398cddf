import { isLosslessNumber } from 'lossless-json';

export type JsonObject = Record<string, unknown>;

/** A JSON object (not an array, null, or a number kept as LosslessNumber). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}
