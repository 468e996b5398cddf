import { secretsUnavailable } from './secret-file';

/** Parses a secrets document; a broken one is reported, never replaced. */
export function parseSecretJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw secretsUnavailable(
      file,
      `is not valid JSON (${(error as Error).message})`,
      'Repair it, or move it away to start with no variables.',
    );
  }
}
