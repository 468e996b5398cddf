import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS } from '../host/security-headers';
import { appFilePath } from './app-file-path';
import { contentType } from './content-type';

/**
 * Answers app:// requests from the built renderer folder, with the same security headers (CSP first of
 * all) as the headless host. Free of Electron so that it runs in the unit tests on Node.
 */
export function appProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = appFilePath(rootDir, request.url);
    if (!target) return plain(403, 'Forbidden');
    let file = target.path;
    if (!(await isFile(file))) {
      if (!target.spaFallback) return plain(404, 'Not found');
      file = path.join(rootDir, 'index.html');
    }
    const body = await readFile(file).catch(() => null);
    if (!body) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' },
    });
  };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
