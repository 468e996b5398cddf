import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const Discovery = z.object({
  url: z.string().url(),
  token: z.string(),
  pid: z.number().int(),
  shell: z.enum(['electron', 'host']),
});
export type Discovery = z.infer<typeof Discovery>;

/** Says how to reach the running host: written 0600 (it holds the token), removed on exit. */
export function writeDiscoveryFile(file: string, discovery: Discovery): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(discovery, null, 2), { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

/** Removes the file only while it is still this process's (a newer host may have replaced it). */
export function removeDiscoveryFile(file: string, pid = process.pid): void {
  const current = readDiscoveryFile(file);
  if (current && current.pid === pid) fs.rmSync(file, { force: true });
}

export function readDiscoveryFile(file: string): Discovery | undefined {
  try {
    const parsed = Discovery.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
