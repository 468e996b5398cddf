import { describe, expect, it } from 'vitest';
import { launchOptions } from '../../../electron/shell/launch-options';

describe('launchOptions', () => {
  it('reads --workspace DIR and --workspace=DIR', () => {
    expect(launchOptions(['/usr/bin/electron', '/app', '--workspace', '/data/ws'])).toEqual({ workspace: '/data/ws' });
    expect(launchOptions(['/opt/Orchest Desktop/orchest-desktop', '--workspace=/data/ws'])).toEqual({ workspace: '/data/ws' });
  });

  it('ignores a missing or empty value and other arguments', () => {
    expect(launchOptions(['/usr/bin/electron', '/app'])).toEqual({});
    expect(launchOptions(['electron', '--workspace'])).toEqual({});
    expect(launchOptions(['electron', '--workspace='])).toEqual({});
    expect(launchOptions(['electron', '--no-open', '--enable-logging'])).toEqual({});
  });
});
