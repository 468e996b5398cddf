/** Docker's own words for a failed API call: the engine's JSON `message`, else the error's text. */
export function dockerErrorText(error: unknown): string {
  const err = error as { json?: { message?: unknown }; reason?: unknown; message?: unknown } | undefined;
  if (typeof err?.json?.message === 'string') return err.json.message;
  if (typeof err?.message === 'string') return err.message.replace(/^\(HTTP code \d+\)[^-]*-\s*/, '').trim();
  return String(error);
}

export function dockerStatusCode(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Runs a removal that may find nothing to remove. */
export async function ignoreNotFound(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    const status = dockerStatusCode(error);
    if (status !== 404 && status !== 409 && status !== 304) throw error;
  }
}
