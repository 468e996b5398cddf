import type Docker from 'dockerode';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildEnvironmentImage, historyWarning } from '../../../../electron/core/environments/image-builder';

const environment = { uuid: '22222222-2222-4222-8222-222222222222', name: 'e', baseImage: 'b:1', language: 'python' as const, gpuSupport: false, setupScript: '', buildVariables: ['INDEX_TOKEN'] };

describe('build variables on an engine without BuildKit', () => {
  it('passes them as build arguments and says their values stay in the history', async () => {
    const projectDir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-builder-'));
    let options: Record<string, unknown> = {};
    const engine = {
      version: async () => ({ Version: '18.06.3-ce', ApiVersion: '1.38' }),
      buildImage: async (_context: unknown, given: Record<string, unknown>) => ((options = given), new PassThrough()),
      modem: { followProgress: (_stream: unknown, done: (error: null) => void, onEvent: (event: object) => void) => (onEvent({ stream: 'Successfully built 1a2b\n' }), done(null)) },
    } as unknown as Docker;
    const lines: string[] = [];
    const warnings: string[] = [];
    const listener = { line: (l: string) => lines.push(l), phase: () => undefined, warning: (w: string) => warnings.push(w) };
    await buildEnvironmentImage(engine, { projectDir, projectUuid: '11111111-1111-4111-8111-111111111111', environment, image: 'i:1', variables: new Map([['INDEX_TOKEN', 'v']]) }, listener, new AbortController().signal);
    expect(options).toMatchObject({ t: 'i:1', buildargs: { INDEX_TOKEN: 'v' } });
    expect(options).not.toHaveProperty('version');
    expect(warnings).toEqual([historyWarning(['INDEX_TOKEN'])]);
    expect(lines[0]).toBe(warnings[0]);
    expect(warnings[0]).toContain("these values are stored in the image's history on this engine");
    await fs.rm(projectDir, { recursive: true, force: true });
  });
});
