import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../electron/host/cli-connection';
import { addJobCommands, createRequest, parseEnv, parseParams, parseSchedule, splitValues } from '../../../electron/host/cli-jobs';

const NOW = new Date('2026-12-05T12:00:00.000Z');

describe('jobs create options', () => {
  it('reads --param KEY=V1,V2 into the grid, values as JSON when they read as JSON, else as text', () => {
    expect(parseParams(['pipeline.epochs=1,2', 'train.rate=0.1, 0.2', 'load.name=a,b', 'step-uuid.flag=true,false,null'])).toEqual({
      'pipeline.epochs': [1, 2],
      'train.rate': [0.1, 0.2],
      'load.name': ['a', 'b'],
      'step-uuid.flag': [true, false, null],
    });
    expect(parseParams(['pipeline.shape=[1,2],[3,4]', 'pipeline.label="a,b",c', 'pipeline.cfg={"a":1,"b":2}'])).toEqual({
      'pipeline.shape': [[1, 2], [3, 4]],
      'pipeline.label': ['a,b', 'c'],
      'pipeline.cfg': [{ a: 1, b: 2 }],
    });
  });

  it('refuses a --param without an owner, a name or values, or given twice', () => {
    expect(() => parseParams(['epochs=1,2'])).toThrow(CliError);
    expect(() => parseParams(['pipeline.=1'])).toThrow(/pipeline.NAME=V1,V2/);
    expect(() => parseParams(['pipeline.epochs'])).toThrow(/pipeline.NAME=V1,V2/);
    expect(() => parseParams(['pipeline.epochs='])).toThrow(/has no values/);
    expect(() => parseParams(['pipeline.epochs=1', 'pipeline.epochs=2'])).toThrow(/given twice/);
  });

  it('splits values on commas outside quotes and brackets', () => {
    expect(splitValues('1, "x,\\"y", [1,[2,3]], {"k":[1,2]}')).toEqual(['1', '"x,\\"y"', '[1,[2,3]]', '{"k":[1,2]}']);
  });

  it('reads --env NAME=VALUE, the value keeping its own =', () => {
    expect(parseEnv(['A=1', 'URL=http://x/?a=b', 'EMPTY='])).toEqual({ A: '1', URL: 'http://x/?a=b', EMPTY: '' });
    expect(() => parseEnv(['=1'])).toThrow(/NAME=VALUE/);
    expect(() => parseEnv(['NOVALUE'])).toThrow(/NAME=VALUE/);
  });

  it('makes the schedule: now, --at (ISO, with or without an offset, in the future), or --cron (5 fields)', () => {
    expect(parseSchedule({}, NOW)).toEqual({ kind: 'now' });
    expect(parseSchedule({ cron: ' */5 * * * * ' }, NOW)).toEqual({ kind: 'cron', cron: '*/5 * * * *' });
    expect(parseSchedule({ at: '2026-12-05T14:00:00+01:00' }, NOW)).toEqual({ kind: 'at', time: '2026-12-05T13:00:00.000Z' });
    expect(parseSchedule({ at: '2026-12-24T18:00' }, NOW)).toEqual({ kind: 'at', time: new Date(2026, 11, 24, 18, 0).toISOString() }); // local time
    expect(parseSchedule({ at: '2026-12-06T00:00:00Z' }, NOW)).toEqual({ kind: 'at', time: '2026-12-06T00:00:00.000Z' });
    expect(() => parseSchedule({ at: '2026-12-05T11:00:00Z' }, NOW)).toThrow(/has passed/);
    expect(() => parseSchedule({ at: 'tomorrow' }, NOW)).toThrow(/not a date/);
    expect(() => parseSchedule({ cron: '* * *' }, NOW)).toThrow(/5 fields/);
    expect(() => parseSchedule({ cron: '* * * * *', at: '2026-12-06T00:00:00Z' }, NOW)).toThrow(/not both/);
  });

  it('makes the whole jobs.create request, and refuses a job without a name', () => {
    expect(createRequest({ name: 'sweep', param: ['pipeline.epochs=1,2'], env: ['A=1'] }, NOW)).toEqual({
      name: 'sweep',
      schedule: { kind: 'now' },
      grid: { 'pipeline.epochs': [1, 2] },
      variables: { A: '1' },
    });
    expect(() => createRequest({ name: ' ' }, NOW)).toThrow(/--name/);
  });
});

describe('jobs commands', () => {
  it('registers create, list, show, runs, cancel, pause, resume, run-now and rm, each with --json', () => {
    const program = new Command('orchest-desktop');
    addJobCommands(program);
    const jobs = program.commands.find((c) => c.name() === 'jobs')!;
    expect(jobs.commands.map((c) => c.name())).toEqual(['create', 'list', 'show', 'runs', 'cancel', 'pause', 'resume', 'run-now', 'rm']);
    for (const command of jobs.commands) expect(command.options.map((o) => o.long)).toContain('--json');
    const create = jobs.commands.find((c) => c.name() === 'create')!;
    expect(create.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--name', '--cron', '--at', '--param', '--env', '--draft']));
  });

  it('collects repeated --param and --env options', async () => {
    const program = new Command('orchest-desktop').exitOverride();
    addJobCommands(program);
    const create = program.commands.find((c) => c.name() === 'jobs')!.commands.find((c) => c.name() === 'create')!;
    let seen: unknown;
    create.action((_project: string, _pipeline: string, options: unknown) => void (seen = options));
    await program.parseAsync(['jobs', 'create', 'P', 'main.orchest', '--name', 'n', '--param', 'pipeline.a=1,2', '--param', 'train.b=x', '--env', 'A=1', '--env', 'B=2', '--json'], { from: 'user' });
    expect(seen).toMatchObject({ name: 'n', param: ['pipeline.a=1,2', 'train.b=x'], env: ['A=1', 'B=2'], json: true });
  });
});
