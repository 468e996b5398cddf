import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectSteps, moveSteps, newStep, readSteps, type PipelineSteps } from '../../../../electron/contract';
import { AppError } from '../../../../electron/core/app-error';
import { PipelineService } from '../../../../electron/core/pipelines/pipeline-service';
import { validatePipeline } from '../../../../electron/core/pipelines/pipeline-validation';
import { makeTempDir } from '../../../helpers/temp-dir';

const PROJECT = '11111111-2222-4333-8444-555555555555';
const ENV = '7c0c7f3e-4b3b-4c8e-9a57-1f2f3e4d5c6b';
const R_ENV = '0f1e2d3c-4b5a-4697-8877-665544332211';

/** A current file as Orchest wrote it: floats with their text (265.0, 1.50), an unknown step key. */
const FILE = `{
    "name": "Main",
    "parameters": {
        "rate": 0.50
    },
    "settings": {
        "auto_eviction": false,
        "data_passing_memory_size": "1GB",
        "max_steps_parallelism": 0
    },
    "steps": {
        "s": {
            "environment": "${ENV}",
            "file_path": "load.ipynb",
            "incoming_connections": [],
            "kernel": {
                "display_name": "Python 3",
                "name": "python"
            },
            "meta_data": {
                "hidden": false,
                "position": [
                    170.3,
                    265.0
                ]
            },
            "parameters": {},
            "title": "load",
            "uuid": "s",
            "x-note": "kept"
        },
        "t": {
            "environment": "${ENV}",
            "file_path": "train.py",
            "incoming_connections": [
                "s"
            ],
            "kernel": {
                "display_name": "Python 3",
                "name": "python"
            },
            "meta_data": {
                "hidden": false,
                "position": [
                    1.50,
                    2.0
                ]
            },
            "parameters": {
                "alpha": 1.0
            },
            "title": "train",
            "uuid": "t"
        }
    },
    "uuid": "0e0d1d2a-3f0c-4a57-9a53-7c2a1f1d2e01",
    "version": "1.2.3"
}`;

/** A notebook as Jupyter writes it, with the stock kernel. */
const NOTEBOOK = `{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "id": "a1",
   "metadata": {},
   "outputs": [],
   "source": [
    "x = 1.0  # é"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {
   "display_name": "Python 3 (ipykernel)",
   "language": "python",
   "name": "python3"
  },
  "language_info": {
   "name": "python",
   "version": "3.11.0"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('PipelineService.saveSteps', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let service: PipelineService;
  const read = (rel = 'main.orchest') => fs.readFile(path.join(dir, rel), 'utf8');
  const load = async (rel = 'main.orchest') => {
    const doc = await service.get(PROJECT, rel);
    return { doc, steps: readSteps(doc.definition.steps) };
  };

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    service = new PipelineService(async () => dir);
    await fs.writeFile(path.join(dir, 'main.orchest'), FILE);
    for (const [uuid, name, language] of [[ENV, 'Python 3', 'python'], [R_ENV, 'R', 'r']] as const) {
      await fs.mkdir(path.join(dir, '.orchest', 'environments', uuid), { recursive: true });
      await fs.writeFile(
        path.join(dir, '.orchest', 'environments', uuid, 'properties.json'),
        JSON.stringify({ uuid, name, language, base_image: 'orchest/base-kernel-py', gpu_support: false }),
      );
    }
  });
  afterEach(() => cleanup());

  it("keeps the file's text for what did not change, and keys the editor does not know", async () => {
    const { doc, steps } = await load();
    const { ['x-note']: _note, ...withoutNote } = steps.s!;
    const sent: PipelineSteps = { ...moveSteps(steps, { s: [10, 20] }), s: { ...withoutNote, meta_data: { hidden: false, position: [10, 20] } } };
    await service.saveSteps(PROJECT, 'main.orchest', doc.revision, sent, { rate: 0.5, more: 2 });
    const text = await read();
    expect(text).toContain('"position": [\n                    1.50,\n                    2.0\n                ]');
    expect(text).toContain('"alpha": 1.0');
    expect(text).toContain('"rate": 0.50');
    expect(text).toContain('"more": 2');
    expect(text).toContain('"x-note": "kept"');
    expect(text).toContain('"position": [\n                    10,\n                    20\n                ]');
  });

  it('writes nothing when the steps are as the file has them', async () => {
    const { doc, steps } = await load();
    const again = await service.saveSteps(PROJECT, 'main.orchest', doc.revision, steps);
    expect(await read()).toBe(FILE);
    expect(again.revision).toBe(doc.revision);
  });

  it('stores incoming connections only, removes the steps left out, and normalises a changed file path', async () => {
    const { doc, steps } = await load();
    const added = newStep({ uuid: 'u', filePath: './sub/../report.py', title: 'report', position: [0, 300] });
    const sent = { s: steps.s!, u: { ...added, incoming_connections: ['s'], outgoing_connections: [] } };
    const saved = await service.saveSteps(PROJECT, 'main.orchest', doc.revision, sent);
    expect(Object.keys(saved.definition.steps as object).sort()).toEqual(['s', 'u']);
    const u = (saved.definition.steps as PipelineSteps).u!;
    expect(u.file_path).toBe('report.py');
    expect(u).not.toHaveProperty('outgoing_connections');
    expect(await read()).not.toContain('outgoing_connections');
  });

  it('refuses a file path that leaves the project, naming the step', async () => {
    const { doc, steps } = await load();
    const sent = { ...steps, t: { ...steps.t!, file_path: '../elsewhere/train.py' } };
    const error = await failure(service.saveSteps(PROJECT, 'main.orchest', doc.revision, sent));
    expect([error.code, error.field]).toEqual(['INVALID_INPUT', 'steps.t.file_path']);
    expect(error.message).toContain("'train'");
    const absolute = await failure(service.saveSteps(PROJECT, 'main.orchest', doc.revision, { ...steps, t: { ...steps.t!, file_path: '/etc/passwd' } }));
    expect(absolute.code).toBe('INVALID_INPUT');
    expect(await read()).toBe(FILE);
  });

  it('resolves paths from the pipeline folder: ../ from a sub folder stays in the project', async () => {
    await fs.mkdir(path.join(dir, 'sub'));
    await fs.writeFile(path.join(dir, 'sub', 'p.orchest'), FILE);
    const { doc, steps } = await load('sub/p.orchest');
    const saved = await service.saveSteps(PROJECT, 'sub/p.orchest', doc.revision, { ...steps, t: { ...steps.t!, file_path: '../train.py' } });
    expect((saved.definition.steps as PipelineSteps).t!.file_path).toBe('../train.py');
  });

  it('refuses a stale revision with CONFLICT', async () => {
    const { doc, steps } = await load();
    await service.saveSteps(PROJECT, 'main.orchest', doc.revision, moveSteps(steps, { s: [1, 1] }));
    const error = await failure(service.saveSteps(PROJECT, 'main.orchest', doc.revision, moveSteps(steps, { s: [2, 2] })));
    expect([error.code, error.field]).toEqual(['CONFLICT', 'revision']);
  });

  it('refuses a cycle with PIPELINE_INVALID on the step, and writes nothing', async () => {
    const { doc, steps } = await load();
    expect(connectSteps(steps, 't', 's').ok).toBe(false); // the editor refuses it; the core must too
    const sent = { ...steps, s: { ...steps.s!, incoming_connections: ['t'] } };
    const error = await failure(service.saveSteps(PROJECT, 'main.orchest', doc.revision, sent));
    expect(error.code).toBe('PIPELINE_INVALID');
    expect(error.field).toMatch(/^steps\.[st]\.incoming_connections$/);
    expect(error.message).toContain('cycle');
    expect(await read()).toBe(FILE);
  });

  it("sets a notebook step's kernelspec as Jupyter writes notebooks, and leaves it when it is right", async () => {
    await fs.writeFile(path.join(dir, 'load.ipynb'), NOTEBOOK);
    const { doc, steps } = await load();
    await service.saveSteps(PROJECT, 'main.orchest', doc.revision, steps);
    const written = await read('load.ipynb');
    const notebook = JSON.parse(written) as { metadata: Record<string, unknown>; cells: unknown[] };
    expect(notebook.metadata.kernelspec).toEqual({ name: `orchest-kernel-${ENV}`, display_name: 'Python 3', language: 'python' });
    expect(notebook.metadata.language_info).toEqual({ name: 'python', version: '3.11.0' });
    expect(written).toBe(
      NOTEBOOK.replace('"Python 3 (ipykernel)"', '"Python 3"').replace('"name": "python3"', `"name": "orchest-kernel-${ENV}"`),
    );

    const { mtimeMs } = await fs.stat(path.join(dir, 'load.ipynb'));
    const again = await load();
    await service.saveSteps(PROJECT, 'main.orchest', again.doc.revision, moveSteps(again.steps, { t: [5, 5] }));
    expect(await read('load.ipynb')).toBe(written);
    expect((await fs.stat(path.join(dir, 'load.ipynb'))).mtimeMs).toBe(mtimeMs);
  });

  it('follows a step whose environment changed, and leaves a notebook that does not parse alone', async () => {
    await fs.writeFile(path.join(dir, 'load.ipynb'), NOTEBOOK);
    await fs.writeFile(path.join(dir, 'broken.ipynb'), '{ not json');
    const { doc, steps } = await load();
    const sent = {
      ...steps,
      s: { ...steps.s!, environment: R_ENV, kernel: { name: 'r', display_name: 'R' } },
      b: newStep({ uuid: 'b', filePath: 'broken.ipynb', title: 'broken', environment: { uuid: ENV, name: 'Python 3', language: 'python' }, position: [0, 500] }),
    };
    await service.saveSteps(PROJECT, 'main.orchest', doc.revision, sent);
    expect(JSON.parse(await read('load.ipynb')).metadata.kernelspec).toEqual({ name: `orchest-kernel-${R_ENV}`, display_name: 'R', language: 'r' });
    expect(await read('broken.ipynb')).toBe('{ not json');
  });
});

describe('PipelineService.createStepFile', () => {
  let dir: string;
  let outside: string;
  let cleanups: (() => Promise<void>)[];
  let service: PipelineService;

  beforeEach(async () => {
    const project = await makeTempDir();
    const other = await makeTempDir();
    [dir, outside, cleanups] = [project.dir, other.dir, [project.cleanup, other.cleanup]];
    service = new PipelineService(async () => dir);
    await fs.mkdir(path.join(dir, 'pipes'));
    await fs.writeFile(path.join(dir, 'pipes', 'main.orchest'), FILE);
    await fs.mkdir(path.join(dir, '.orchest', 'environments', R_ENV), { recursive: true });
    await fs.writeFile(
      path.join(dir, '.orchest', 'environments', R_ENV, 'properties.json'),
      JSON.stringify({ uuid: R_ENV, name: 'R', language: 'r', base_image: 'orchest/base-kernel-r', gpu_support: false }),
    );
  });
  afterEach(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  const create = (filePath: string, environment?: string) =>
    service.createStepFile(PROJECT, 'pipes/main.orchest', filePath, environment);

  it.each(['a.py', 'b.R', 'c.sh', 'd.jl', 'e.js'])('creates an empty %s beside the pipeline', async (file) => {
    expect(await create(`./${file}`)).toEqual({ filePath: file });
    expect(await fs.readFile(path.join(dir, 'pipes', file), 'utf8')).toBe('');
  });

  it("creates a notebook for the environment's kernel, with the folders it needs", async () => {
    expect(await create('nb/deep/analysis.ipynb', R_ENV)).toEqual({ filePath: 'nb/deep/analysis.ipynb' });
    const text = await fs.readFile(path.join(dir, 'pipes', 'nb', 'deep', 'analysis.ipynb'), 'utf8');
    const notebook = JSON.parse(text);
    expect(notebook).toMatchObject({
      nbformat: 4,
      metadata: { kernelspec: { name: `orchest-kernel-${R_ENV}`, display_name: 'R', language: 'r' }, language_info: { name: 'R' } },
      cells: [{ cell_type: 'code', source: [], outputs: [], execution_count: null }],
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(' "cells": [');
  });

  it('refuses a file that exists, another extension, and an unknown environment', async () => {
    await fs.writeFile(path.join(dir, 'pipes', 'a.py'), 'print(1)');
    expect((await failure(create('a.py'))).code).toBe('CONFLICT');
    expect(await fs.readFile(path.join(dir, 'pipes', 'a.py'), 'utf8')).toBe('print(1)');
    expect((await failure(create('notes.txt'))).code).toBe('INVALID_INPUT');
    expect((await failure(create('x.ipynb', 'no-such-env'))).code).toBe('INVALID_INPUT');
  });

  it('refuses a path outside the project, through .. or a link, creating nothing there', async () => {
    expect((await failure(create('../../escape.py'))).code).toBe('FORBIDDEN_PATH');
    expect((await failure(create('/tmp/escape.py'))).code).toBe('FORBIDDEN_PATH');
    await fs.symlink(outside, path.join(dir, 'pipes', 'linked'));
    expect((await failure(create('linked/escape.py'))).code).toBe('FORBIDDEN_PATH');
    expect((await failure(create('linked/new/escape.py'))).code).toBe('FORBIDDEN_PATH');
    await fs.symlink(path.join(outside, 'target.py'), path.join(dir, 'pipes', 'dangling.py'));
    expect((await failure(create('dangling.py'))).code).toBe('FORBIDDEN_PATH') // a link leading out, as the Files tab says it;
    expect(await fs.readdir(outside)).toEqual([]);
  });
});

describe('validatePipeline on steps', () => {
  const pipeline = (steps: PipelineSteps) => ({
    name: 'p',
    version: '1.2.3',
    settings: { data_passing_memory_size: '1GB' },
    steps,
  });

  it('names the step of a cycle and of a notebook two steps share', () => {
    const a = { ...newStep({ uuid: 'a', filePath: 'a.ipynb', title: 'A', position: [0, 0] }), incoming_connections: ['b'] };
    const b = { ...newStep({ uuid: 'b', filePath: 'a.ipynb', title: 'B', position: [0, 0] }), incoming_connections: ['a'] };
    const issues = validatePipeline(pipeline({ a, b }));
    expect(issues).toEqual([
      { path: 'steps.b.incoming_connections', message: 'steps.b.incoming_connections: the connections make a cycle: A → B → A' },
      { path: 'steps.b.file_path', message: 'steps.b.file_path: a.ipynb is also the notebook of A' },
    ]);
  });
});
