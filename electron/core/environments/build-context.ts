import createDockerignore from '@balena/dockerignore';
import ignore from 'ignore';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import tar from 'tar-fs';
import { buildDockerignore, reservedNames } from './environment-dockerfile';

export interface BuildContextFiles {
  dockerfile: string;
  setupScript: string;
}

/**
 * The project's files a build may see: Orchest copied the project without what its .gitignore
 * names, and Docker then leaves out what .dockerignore names (and .orchest). Paths are relative,
 * with forward slashes.
 */
export async function contextEntries(projectDir: string, dockerfileName: string): Promise<string[]> {
  const read = (name: string) => fs.readFile(path.join(projectDir, name), 'utf8').catch(() => '');
  const gitignored = ignore().add(await read('.gitignore')).add('.git');
  const dockerignored = createDockerignore({ ignorecase: false }).add(buildDockerignore(await read('.dockerignore'), dockerfileName));
  const entries: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const dirents = await fs.readdir(path.join(projectDir, relative), { withFileTypes: true });
    for (const dirent of dirents) {
      const child = relative ? `${relative}/${dirent.name}` : dirent.name;
      const isDir = dirent.isDirectory();
      if (gitignored.ignores(isDir ? `${child}/` : child) || dockerignored.ignores(child)) continue;
      if (isDir) await walk(child);
      else entries.push(child);
    }
  };
  await walk('');
  return entries.sort();
}

/**
 * The build's context as a tar stream: the project's files plus the Dockerfile, set-up script and
 * .dockerignore; with `projectFolder`, the project's files go in that folder (BuildKit's layout).
 */
export async function buildContext(projectDir: string, projectUuid: string, environmentUuid: string, files: BuildContextFiles, projectFolder?: string): Promise<Readable> {
  const names = reservedNames(projectUuid, environmentUuid);
  const entries = await contextEntries(projectDir, names.dockerfile);
  const dockerignore = buildDockerignore(await fs.readFile(path.join(projectDir, '.dockerignore'), 'utf8').catch(() => ''), names.dockerfile);
  return tar.pack(projectDir, {
    entries,
    ...(projectFolder ? { map: (header: tar.Headers) => ({ ...header, name: `${projectFolder}/${header.name}` }) } : {}),
    finalize: false,
    finish: (pack) => {
      if (projectFolder) pack.entry({ name: `${projectFolder}/`, type: 'directory', mode: 0o755 });
      pack.entry({ name: names.dockerfile }, files.dockerfile);
      pack.entry({ name: names.setupScript }, files.setupScript);
      pack.entry({ name: '.dockerignore' }, dockerignore);
      pack.finalize();
    },
  });
}
