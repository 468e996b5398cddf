// Environment builds: a build through the app beside `docker build` of the same generated Dockerfile
// and context in the same run (cold, alternating, median of ROUNDS), and a no-op rebuild beside a
// cached `docker build`. The app's own context and Dockerfile code is bundled here with esbuild, so
// that docker build gets exactly what the app sends. `node test/bench/environments-bench.mjs` runs it alone.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { connectBridge, exec, median, startHost } from './bench-host.mjs';

const IMAGE = 'orchest-desktop-test/debian:2';
const ROUNDS = 5;
/** Some CPU, some files: what a set-up script of pip installs does, without a network. */
const SETUP_SCRIPT = 'set -e\nmkdir -p /opt/work\nfor i in $(seq 1 300); do head -c 200000 /dev/urandom > /opt/work/blob-$i; done\nsha256sum /opt/work/* | tail -n 1\n';

/** The app's context and Dockerfile code, bundled beside node_modules so that its packages resolve. */
async function appModules(repo) {
  const outfile = path.join(repo, 'node_modules', '.cache', 'orchest-desktop-bench', 'environment-build.mjs');
  const contents = "export { buildContext } from './electron/core/environments/build-context';\nexport { environmentDockerfile, reservedNames } from './electron/core/environments/environment-dockerfile';\n";
  await build({ stdin: { contents, resolveDir: repo, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

/** `docker build -` of a tar context on stdin; resolves with the time since `started` (making the context counts, as for the app). */
async function dockerBuild(context, dockerfile, tag, noCache, started) {
  const child = spawn('docker', ['build', ...(noCache ? ['--no-cache'] : []), '-f', dockerfile, '-t', tag, '-'], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, DOCKER_BUILDKIT: '0' } });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  context.pipe(child.stdin);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`docker build exited with ${code}: ${errors}`);
  return performance.now() - started;
}

async function appBuild(client, projectId, uuid) {
  const started = performance.now();
  const first = await client.request('environments.build', { projectId, uuid });
  for (;;) {
    const [last] = await client.request('environments.builds', { projectId, uuid });
    if (last.number === first.number && ['SUCCESS', 'FAILURE', 'ABORTED'].includes(last.status)) {
      if (last.status !== 'SUCCESS') throw new Error(`the app's build ${last.status}: ${last.error}`);
      return { ms: performance.now() - started, image: last.image };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function benchEnvironments(repo) {
  await exec('bash', [path.join(repo, 'test/images/make-debian.sh')]);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-bench-env-'));
  const tags = [];
  let host;
  let client;
  try {
    const { buildContext, environmentDockerfile, reservedNames } = await appModules(repo);
    /** docker build of what the app sends for an environment, under the uuids given. */
    const dockerBuildLikeTheApp = async (projectDir, tag, noCache, ids) => {
      const started = performance.now();
      const files = { dockerfile: environmentDockerfile(ids.project, ids.environment, IMAGE), setupScript: SETUP_SCRIPT };
      const context = await buildContext(projectDir, ids.project, ids.environment, files);
      return dockerBuild(context, reservedNames(ids.project, ids.environment).dockerfile, tag, noCache, started);
    };
    const freshIds = () => ({ project: randomUUID(), environment: randomUUID() });
    host = await startHost(repo, dir);
    client = await connectBridge(host.url);
    const project = await client.request('projects.create', { name: 'bench-env' });
    const projectId = project.uuid;
    for (let i = 0; i < 200; i++) await fs.writeFile(path.join(project.path, `file-${i}.py`), `# ${i}\n${'x = 1\n'.repeat(1000)}`);
    const fields = { name: 'bench', baseImage: IMAGE, language: 'python', gpuSupport: false, setupScript: SETUP_SCRIPT };
    const app = [];
    const docker = [];
    let environment;
    for (let round = 0; round < ROUNDS; round++) {
      environment = await client.request('environments.create', { projectId, fields });
      const built = await appBuild(client, projectId, environment.uuid);
      tags.push(built.image);
      app.push(built.ms);
      // The same Dockerfile and context under other uuids, so that neither build's layers serve the other.
      docker.push(await dockerBuildLikeTheApp(project.path, `orchest-desktop-bench-env:${round}`, true, freshIds()));
      tags.push(`orchest-desktop-bench-env:${round}`);
    }
    const rebuild = await appBuild(client, projectId, environment.uuid);
    tags.push(rebuild.image);
    const ids = freshIds();
    await dockerBuildLikeTheApp(project.path, 'orchest-desktop-bench-env:cached', false, ids);
    const cached = await dockerBuildLikeTheApp(project.path, 'orchest-desktop-bench-env:cached', false, ids);
    tags.push('orchest-desktop-bench-env:cached');
    const [a, d] = [median(app), median(docker)];
    console.log(`environment builds (Debian base, 200 project files, a set-up script writing 60 MB; median of ${ROUNDS} cold builds each):`);
    console.log(`  through the app ${a.toFixed(0)} ms (runs: ${app.map((v) => v.toFixed(0)).join(' ')}); docker build of the same Dockerfile and context ${d.toFixed(0)} ms (runs: ${docker.map((v) => v.toFixed(0)).join(' ')}); ratio ${(a / d).toFixed(2)} (aim <= 1.05)`);
    console.log(`  no-op rebuild through the app ${rebuild.ms.toFixed(0)} ms; cached docker build ${cached.toFixed(0)} ms; ratio ${(rebuild.ms / cached).toFixed(2)}`);
  } finally {
    client?.close();
    await host?.stop();
    if (tags.length > 0) await exec('docker', ['rmi', '-f', ...tags]).catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchEnvironments(fileURLToPath(new URL('../..', import.meta.url)));
}
