import { afterEach, beforeAll } from 'vitest';
import { requireDocker } from './require-docker';
import { startSessionApp, type SessionApp } from './session-app';
import { ensureTestImage } from './test-images';

/**
 * For a describe block: the engine and the busybox test image before its tests, an app opened by each
 * test, and that app closed (with what it made in Docker) after each test, however it ended.
 */
export function sessionAppPerTest() {
  let busybox = '';
  let current: SessionApp | undefined;
  beforeAll(async () => {
    await requireDocker();
    busybox = await ensureTestImage('busybox');
  }, 600_000);
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get busybox() {
      return busybox;
    },
    async open(projectName: string): Promise<SessionApp> {
      current = await startSessionApp(projectName);
      return current;
    },
  };
}
