import { lookup } from 'mrmime';

// The responses carry `X-Content-Type-Options: nosniff`, so every file needs its real type.
/** The Content-Type of a file of the built renderer, by its extension. */
export function contentType(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return /^text\/|javascript|json/.test(type) ? `${type}; charset=utf-8` : type;
}
