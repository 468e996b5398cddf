import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayOpenWithSystem } from '../../../../electron/core/files/open-policy';

const file = (mode: number) => ({ isFile: () => true, mode }) as Stats;
const folder = { isFile: () => false, mode: 0o755 } as Stats;

describe('mayOpenWithSystem', () => {
  it.each(['report.pdf', 'chart.png', 'data.csv', 'notes.md', 'analysis.ipynb', 'Dockerfile'])('opens %s', (name) => {
    expect(mayOpenWithSystem(`/p/${name}`, file(0o644), 'linux')).toBe(true);
  });

  it.each(['setup.sh', 'train.py', 'install.EXE', 'launch.desktop', 'run.command', 'script.ps1', 'x.jar'])(
    'never opens %s, which the system would run',
    (name) => {
      expect(mayOpenWithSystem(`/p/${name}`, file(0o644), 'linux')).toBe(false);
      expect(mayOpenWithSystem(`/p/${name}`, file(0o644), 'win32')).toBe(false);
    },
  );

  it('never opens an executable file, nor a folder', () => {
    expect(mayOpenWithSystem('/p/tool', file(0o755), 'linux')).toBe(false);
    expect(mayOpenWithSystem('/p/tool', file(0o744), 'darwin')).toBe(false);
    expect(mayOpenWithSystem('/p/data', folder, 'linux')).toBe(false);
    // Windows has no executable bit to go by: only the kind counts there.
    expect(mayOpenWithSystem('/p/chart.png', file(0o755), 'win32')).toBe(true);
  });
});
