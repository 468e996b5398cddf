/** A Jupyter notebook (nbformat 4) as the view needs it: what is not understood is left out, never trusted. */
export interface NotebookDocument {
  language: string | undefined;
  cells: NotebookCell[];
}

export type NotebookCell =
  | { type: 'markdown'; source: string }
  | { type: 'raw'; source: string }
  | { type: 'code'; source: string; executionCount: number | undefined; outputs: NotebookOutput[] };

export type NotebookOutput =
  | { type: 'stream'; name: string; text: string }
  | { type: 'text'; text: string }
  | { type: 'image'; mime: 'image/png' | 'image/jpeg'; base64: string }
  | { type: 'error'; name: string; value: string; traceback: string[] };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** nbformat keeps multi-line text as a string or as a list of lines. */
const multiline = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('') : '';

const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/** Reads a notebook's JSON text; throws with the reason when it is not a notebook. */
export function parseNotebook(text: string): NotebookDocument {
  const json: unknown = JSON.parse(text);
  if (!isObject(json) || !Array.isArray(json.cells)) throw new Error('This is not a Jupyter notebook (it has no cells)');
  const metadata = isObject(json.metadata) ? json.metadata : {};
  const kernel = isObject(metadata.kernelspec) ? metadata.kernelspec.language : undefined;
  const info = isObject(metadata.language_info) ? metadata.language_info.name : undefined;
  const language = typeof kernel === 'string' ? kernel : typeof info === 'string' ? info : undefined;
  return { language, cells: json.cells.filter(isObject).map(cellOf) };
}

function cellOf(cell: Json): NotebookCell {
  const source = multiline(cell.source);
  if (cell.cell_type === 'markdown') return { type: 'markdown', source };
  if (cell.cell_type !== 'code') return { type: 'raw', source };
  const outputs = Array.isArray(cell.outputs) ? cell.outputs.filter(isObject).flatMap(outputOf) : [];
  const count = typeof cell.execution_count === 'number' ? cell.execution_count : undefined;
  return { type: 'code', source, executionCount: count, outputs };
}

function outputOf(output: Json): NotebookOutput[] {
  if (output.output_type === 'stream') {
    return [{ type: 'stream', name: typeof output.name === 'string' ? output.name : 'stdout', text: multiline(output.text) }];
  }
  if (output.output_type === 'error') {
    const traceback = Array.isArray(output.traceback) ? output.traceback.filter((l) => typeof l === 'string') : [];
    return [{ type: 'error', name: String(output.ename ?? 'Error'), value: String(output.evalue ?? ''), traceback }];
  }
  if ((output.output_type === 'execute_result' || output.output_type === 'display_data') && isObject(output.data)) {
    const { data } = output;
    for (const mime of ['image/png', 'image/jpeg'] as const) {
      const base64 = multiline(data[mime]);
      if (base64 && BASE64.test(base64)) return [{ type: 'image', mime, base64: base64.replace(/\s/g, '') }];
    }
    if (data['text/plain'] !== undefined) return [{ type: 'text', text: multiline(data['text/plain']) }];
  }
  return [];
}
