import fs from 'node:fs/promises';
import type { z } from 'zod';
import { writeDurably } from '../files/durable-write';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; missing: boolean; message: string };

/** Replaces the file at once and for good: a reader, or the app after a crash, finds the old record or the new. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeDurably(file, `${JSON.stringify(value, null, 2)}\n`, { diskFullMessage: `${file} was not saved: no space left on the disk` });
}

/** The file's record, or why there is none: missing, not JSON, or not the shape the schema asks for. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<ReadResult<T>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', message: `cannot be read (${code ?? (error as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, missing: false, message: `is not JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, missing: false, message: `is not a valid record (${where}${issue?.message ?? 'unknown shape'})` };
  }
  return { ok: true, value: parsed.data };
}
