import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFilePath } from '../../../electron/shell/app-file-path';

const root = path.resolve('/opt/orchest/dist/renderer');
const inRoot = (relative: string) => path.join(root, relative);

describe('appFilePath', () => {
  it('maps the root and folders to index.html', () => {
    expect(appFilePath(root, 'app://orchest/')).toEqual({ path: inRoot('index.html'), spaFallback: true });
    expect(appFilePath(root, 'app://orchest')).toEqual({ path: inRoot('index.html'), spaFallback: true });
    expect(appFilePath(root, 'app://orchest/docs/')).toEqual({ path: inRoot('docs/index.html'), spaFallback: true });
  });

  it('maps assets to files, ignoring query and fragment', () => {
    expect(appFilePath(root, 'app://orchest/index.html')).toEqual({ path: inRoot('index.html'), spaFallback: false });
    expect(appFilePath(root, 'app://orchest/assets/index-abc.js?v=1#x')).toEqual({ path: inRoot('assets/index-abc.js'), spaFallback: false });
    expect(appFilePath(root, 'app://orchest/assets/a%20b.css')).toEqual({ path: inRoot('assets/a b.css'), spaFallback: false });
  });

  it('marks client-side routes (no extension) for the index.html fallback', () => {
    expect(appFilePath(root, 'app://orchest/projects/abc/pipelines')?.spaFallback).toBe(true);
    expect(appFilePath(root, 'app://orchest/assets/missing.js')?.spaFallback).toBe(false);
  });

  it('keeps ../ inside the folder (the URL parser resolves it) and never escapes', () => {
    expect(appFilePath(root, 'app://orchest/../../etc/passwd')).toEqual({ path: inRoot('etc/passwd'), spaFallback: true });
    expect(appFilePath(root, 'app://orchest/%2e%2e/%2e%2e/etc/passwd')).toEqual({ path: inRoot('etc/passwd'), spaFallback: true });
    expect(appFilePath(root, 'app://orchest/assets/../../../x')).toEqual({ path: inRoot('x'), spaFallback: true });
    expect(appFilePath(root, 'app://orchest/..')).toEqual({ path: inRoot('index.html'), spaFallback: true });
  });

  it('refuses encoded separators that would escape the folder', () => {
    expect(appFilePath(root, 'app://orchest/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(appFilePath(root, 'app://orchest/assets/..%2F..%2F..%2Fsecret')).toBeNull();
    expect(appFilePath(root, 'app://orchest/%2e%2e%2fsecret')).toBeNull();
    expect(appFilePath(root, 'app://orchest/..%5c..%5csecret')).toBeNull();
    expect(appFilePath(root, 'app://orchest/a%5cb.js')).toBeNull();
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(appFilePath(root, 'app://orchest/index.html%00.js')).toBeNull();
    expect(appFilePath(root, 'app://orchest/%E0%A4%A')).toBeNull();
  });

  it('refuses other origins', () => {
    expect(appFilePath(root, 'app://other/index.html')).toBeNull();
    expect(appFilePath(root, 'file:///opt/orchest/dist/renderer/index.html')).toBeNull();
    expect(appFilePath(root, 'https://orchest/index.html')).toBeNull();
  });
});
