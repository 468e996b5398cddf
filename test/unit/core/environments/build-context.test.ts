import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextEntries } from '../../../../electron/core/environments/build-context';
import { environmentDockerfile, reservedNames } from '../../../../electron/core/environments/environment-dockerfile';
import { makeTempDir } from '../../../helpers/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir('od-context-')));
afterEach(() => cleanup());

async function write(relative: string, content = 'x') {
  await fs.mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await fs.writeFile(path.join(dir, relative), content);
}

describe("an environment build's context", () => {
  it('leaves out what .gitignore and .dockerignore name, .git and .orchest', async () => {
    await write('.gitignore', 'data/\n*.log\n!keep.log\n');
    await write('.dockerignore', 'models/**\n');
    for (const file of ['main.py', 'data/big.csv', 'run.log', 'keep.log', 'models/a/b.bin', 'src/lib.py', '.git/HEAD', '.orchest/environments/e/properties.json']) await write(file);
    expect(await contextEntries(dir, reservedNames('p', 'e').dockerfile)).toEqual(['.dockerignore', '.gitignore', 'keep.log', 'main.py', 'src/lib.py']);
  });

  it("writes Orchest's Dockerfile: labels, /project-dir, the script run as root or through sudo", () => {
    const dockerfile = environmentDockerfile('proj', 'env', 'registry:my.registry/base:1');
    const lines = dockerfile.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'FROM my.registry/base:1',
      'LABEL _orchest_project_uuid=proj _orchest_environment_uuid=env io.orchest-desktop.managed=true io.orchest-desktop.project=proj io.orchest-desktop.environment=env',
      'WORKDIR /project-dir',
      'COPY . .',
    ]);
    expect(dockerfile).toContain(`bash < ${reservedNames('proj', 'env').setupScript}`);
    expect(dockerfile).toContain('else sudo chgrp -R 0 .');
  });
});
