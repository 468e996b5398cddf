import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, isDiskFull } from '../app-error';
import { describeJsonError } from '../projects/json-error';
import { isJsonObject, type JsonObject } from './json-value';
import { parseOrchestJson, toOrchestJson } from './orchest-json';

/** A pipeline file as read: its bytes' revision and its JSON, numbers kept as written. */
export interface PipelineFile {
  file: string;
  revision: string;
  text: string;
  json: JsonObject;
}

export function revisionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Reads and parses; a file that is not a JSON object is PIPELINE_INVALID with where it broke. */
export async function readPipelineFile(file: string, shownPath: string): Promise<PipelineFile> {
  return parsePipelineText(file, shownPath, await readPipelineText(file, shownPath));
}

/**
 * Only the `uuid` written in the file (unknown when there is none). A plain JSON.parse gives it many times
 * quicker than the lossless parse on a big pipeline; a file it refuses gets the lossless parse's message.
 */
export async function readPipelineUuid(file: string, shownPath: string): Promise<unknown> {
  const text = await readPipelineText(file, shownPath);
  try {
    const json: unknown = JSON.parse(text);
    if (isJsonObject(json)) return json.uuid;
  } catch {
    // said below, with where the file broke
  }
  return parsePipelineText(file, shownPath, text).json.uuid;
}

async function readPipelineText(file: string, shownPath: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `${shownPath} does not exist`, 'path');
    throw new AppError('PIPELINE_INVALID', `${shownPath} cannot be read (${code ?? 'error'})`, 'path');
  }
}

function parsePipelineText(file: string, shownPath: string, text: string): PipelineFile {
  let json: unknown;
  try {
    json = parseOrchestJson(text);
  } catch (error) {
    throw new AppError('PIPELINE_INVALID', `${shownPath} is not valid JSON: ${describeJsonError(text, error)}`, 'path');
  }
  if (!isJsonObject(json)) throw new AppError('PIPELINE_INVALID', `${shownPath} is not a JSON object`, 'path');
  return { file, revision: revisionOf(text), text, json };
}

/**
 * Writes the pipeline as Orchest did, through a temp file and a rename, and only if the file is still
 * the revision that was read: a change made on disk meanwhile is never overwritten. Returns the new text,
 * or the old one untouched when nothing changed.
 */
export async function writePipelineFile(read: PipelineFile, json: JsonObject, shownPath: string): Promise<string> {
  const text = toOrchestJson(json);
  if (text === read.text) return text;
  const temp = path.join(path.dirname(read.file), `.${path.basename(read.file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, text, { flag: 'wx' });
    await assertUnchanged(read, shownPath);
    await fs.rename(temp, read.file);
  } catch (error) {
    await fs.rm(temp, { force: true }); // a disk that filled up mid-write leaves no part of the new text
    throw writeFailure(error, shownPath);
  }
  return text;
}

/** A write the disk refused, said as such; anything else (a conflict) as it was. */
function writeFailure(error: unknown, shownPath: string): unknown {
  if (isDiskFull(error)) return new AppError('DISK_FULL', `${shownPath} was not saved: no space left on the disk. The file is as it was.`);
  return error;
}

export async function assertUnchanged(read: PipelineFile, shownPath: string): Promise<void> {
  const current = await fs.readFile(read.file, 'utf8').catch(() => undefined);
  if (current === undefined || revisionOf(current) !== read.revision) {
    throw new AppError('CONFLICT', `${shownPath} changed on disk since it was read; reload it and make the change again`, 'revision');
  }
}
