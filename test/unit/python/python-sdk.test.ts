import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { itNeeding, reportMissing } from '../../helpers/machine-needs';

// The Python parts (resources/orchest-sdk, resources/step-runner) have their own unittest suites.
const REPO = path.resolve(import.meta.dirname, '../../..');
const missingPython3 =
  spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0
    ? undefined
    : 'python3 is not on PATH (Debian: apt-get install python3, as .ci/run does)';

function runPythonTests(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'python3',
      ['-m', 'unittest', 'discover', '-s', 'test/python', '-v'],
      // No __pycache__ in resources/, which is shipped with the app.
      { cwd: REPO, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe('Python SDK and notebook runner', () => {
  itNeeding(
    missingPython3,
    'pass their unittest suites (test/python)',
    async () => {
      const { code, output } = await runPythonTests();
      expect(code, output).toBe(0);
      // A Python test skips where this python3 lacks a module (its reason says which); CI has them all.
      const skipped = output.split('\n').filter((line) => / \.\.\. skipped /.test(line));
      if (skipped.length > 0) reportMissing(`Python tests that cannot run here: ${skipped.map((line) => line.trim()).join('; ')}`);
    },
    120_000,
  );
});
