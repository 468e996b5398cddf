import type { ServerResponse } from 'node:http';

export interface ServiceLink {
  label: string;
  url: string;
}

const RETRY_SECONDS = 2;

/** The proxy's own pages: plain HTML that runs no script and loads nothing. */
export function sendPage(res: ServerResponse, status: number, title: string, body: string, retry = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${
    retry ? `<meta http-equiv="refresh" content="${RETRY_SECONDS}">` : ''
  }<style>body{font:15px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1f2328}code{font-size:.9em}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(html);
}

export function notFoundBody(path: string, running: ServiceLink[]): string {
  const list = running.length
    ? `<p>Services running now:</p><ul>${running.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>`
    : '<p>No exposed service is running. Start a session in Orchest Desktop; only services marked <em>exposed</em> are served here.</p>';
  return `<p>No service is served at <code>${escapeHtml(path)}</code>.</p>${list}`;
}

export function unavailableBody(service: string, port: number, reason: string): string {
  return `<p>The service <strong>${escapeHtml(service)}</strong> cannot answer on port ${port}: ${escapeHtml(reason)}.</p><p>This page tries again every ${RETRY_SECONDS} seconds.</p>`;
}

export function unauthorisedBody(service: string): string {
  return `<p>The service <strong>${escapeHtml(service)}</strong> requires authentication. Open it from Orchest Desktop (its Open button, or <code>orchest-desktop open</code>), which signs this browser in.</p>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
