import { describe, expect, it, vi } from 'vitest';
import { ExternalOpener } from '../../../electron/shell/external-opener';

describe('ExternalOpener', () => {
  it('opens only loopback URLs on registered ports, until the port is given back', () => {
    const openExternal = vi.fn(async (_url: string) => {});
    const opener = new ExternalOpener(openExternal);
    expect(opener.open('http://127.0.0.1:5000/')).toBe(false);

    const release = opener.allowPort(5000);
    expect(opener.open('http://127.0.0.1:5000/service-web_80/')).toBe(true);
    expect(opener.open('https://example.com/')).toBe(false);
    expect(opener.open('file:///etc/passwd')).toBe(false);
    expect(openExternal.mock.calls).toEqual([['http://127.0.0.1:5000/service-web_80/']]);

    release();
    expect(opener.open('http://127.0.0.1:5000/')).toBe(false);
  });

  it('keeps a port open while any of its registrations holds it; releasing twice is harmless', () => {
    const opener = new ExternalOpener(async () => {});
    const first = opener.allowPort(5000);
    const second = opener.allowPort(5000);
    first();
    first();
    expect(opener.open('http://localhost:5000/')).toBe(true);
    second();
    expect(opener.open('http://localhost:5000/')).toBe(false);
  });

  it('reports a failure to open without throwing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const opener = new ExternalOpener(async () => {
      throw new Error('no browser');
    });
    opener.allowPort(5000);
    expect(opener.open('http://127.0.0.1:5000/')).toBe(true);
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('no browser')));
    error.mockRestore();
  });
});
