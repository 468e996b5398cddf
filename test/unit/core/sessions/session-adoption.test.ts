import { describe, expect, it } from 'vitest';
import { LABELS } from '../../../../electron/core/docker/labels';
import { decideAdoption, type FoundContainer } from '../../../../electron/core/sessions/session-adoption';

const SESSION = 'session-one';
const session = { [LABELS.managed]: 'true', [LABELS.session]: SESSION, [LABELS.project]: 'p', [LABELS.pipeline]: 'q' };
const network = { ...session, [LABELS.services]: 'db,web' };
const container = (service: string, state: Partial<FoundContainer> = {}): FoundContainer => ({
  labels: { ...session, [LABELS.service]: service },
  started: true,
  running: true,
  ...state,
});

describe('decideAdoption', () => {
  it('takes back a session whose services all have started containers', () => {
    expect(decideAdoption([container('db'), container('web', { running: false })], [network])).toEqual([
      { kind: 'adopt', sessionUuid: SESSION, projectUuid: 'p', pipelineUuid: 'q' },
    ]);
  });

  it.each([
    ['a start cut short before the last container', [container('db')], [network], 'no container for web'],
    ['a container created but never started', [container('db'), container('web', { started: false, running: false })], [network], 'a container was never started'],
    ['a stop cut short after the network went', [container('db'), container('web')], [], 'its network is gone'],
    ['a stop cut short after the containers stopped', [container('db', { running: false }), container('web', { running: false })], [network], 'none of its containers runs'],
    ['a network alone', [], [network], 'no container for db, web'],
  ])('removes %s', (_case, containers, networks, reason) => {
    expect(decideAdoption(containers, networks)).toEqual([{ kind: 'remove', sessionUuid: SESSION, reason }]);
  });

  it('decides each session apart', () => {
    const other = { ...session, [LABELS.session]: 'session-two' };
    const decisions = decideAdoption(
      [container('db'), container('web'), { labels: { ...other, [LABELS.service]: 'x' }, started: true, running: true }],
      [network],
    );
    expect(decisions.map((d) => [d.sessionUuid, d.kind])).toEqual([
      ['session-one', 'adopt'],
      ['session-two', 'remove'],
    ]);
  });
});
