import { isOpenableExternalUrl } from '../core/policies/external-url-policy';

/**
 * The one road to the system browser. The core registers the ports it serves (the service proxy), and
 * a URL is opened only when external-url-policy allows it. `openExternal` is Electron's shell.openExternal.
 */
export class ExternalOpener {
  private readonly ports = new Map<number, number>();

  constructor(private readonly openExternal: (url: string) => Promise<void>) {}

  /** Allows loopback URLs on this port until the returned function is called. */
  allowPort(port: number): () => void {
    this.ports.set(port, (this.ports.get(port) ?? 0) + 1);
    let allowed = true;
    return () => {
      if (!allowed) return;
      allowed = false;
      const count = (this.ports.get(port) ?? 1) - 1;
      if (count > 0) this.ports.set(port, count);
      else this.ports.delete(port);
    };
  }

  /** Opens the URL if the policy allows it; tells whether it did. */
  open(url: string): boolean {
    if (!isOpenableExternalUrl(url, this.ports.keys())) return false;
    this.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}: ${String(error)}`));
    return true;
  }
}
