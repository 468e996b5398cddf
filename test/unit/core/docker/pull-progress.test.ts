import { describe, expect, it } from 'vitest';
import { PullProgress } from '../../../../electron/core/docker/pull-progress';

describe('PullProgress', () => {
  it('adds up the layers of a pull as the engine reports them', () => {
    const progress = new PullProgress();
    progress.update({ status: 'Pulling from library/redis', id: '7' });
    progress.update({ status: 'Pulling fs layer', id: 'aaaaaaaaaaaa' });
    progress.update({ status: 'Already exists', id: 'bbbbbbbbbbbb' });
    progress.update({ status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current: 2_500_000, total: 10_000_000 } });
    expect(progress.text()).toBe('Pulling: 1 of 2 layers, 2.5 of 10.0 MB');
    progress.update({ status: 'Pull complete', id: 'aaaaaaaaaaaa' });
    expect(progress.text()).toBe('Pulling: 2 of 2 layers, 10.0 of 10.0 MB');
  });
});
