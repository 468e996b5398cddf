import { describe, expect, it } from 'vitest';
import { contentsInWords, nameProblem, renameTarget } from '../../../renderer/src/features/files/entry-words';
import { codeLanguage, languageNameOf } from '../../../renderer/src/features/files/file-languages';
import { parseNotebook } from '../../../renderer/src/features/files/notebook-document';

describe('file languages', () => {
  it.each([
    ['main.py', 'python'],
    ['setup.sh', 'shell'],
    ['model.R', 'r'],
    ['fit.jl', 'julia'],
    ['app.js', 'javascript'],
    ['README.md', 'markdown'],
    ['config.json', 'json'],
    ['main.orchest', 'json'],
    ['compose.yml', 'yaml'],
    ['pyproject.toml', 'toml'],
    ['setup.cfg', 'properties'],
    ['Dockerfile', 'dockerfile'],
    ['.gitignore', 'shell'],
    ['notes.txt', undefined],
    ['LICENSE', undefined],
  ])('%s is %s', (name, language) => {
    expect(languageNameOf(name)).toBe(language);
    if (language) expect(codeLanguage(language)).toBeDefined();
  });
});

describe('parseNotebook', () => {
  it('keeps markdown, code with its outputs, and drops what it does not show', () => {
    const notebook = parseNotebook(
      JSON.stringify({
        metadata: { language_info: { name: 'python' } },
        cells: [
          { cell_type: 'markdown', source: ['# Title\n', 'text'] },
          {
            cell_type: 'code',
            execution_count: 3,
            source: 'x',
            outputs: [
              { output_type: 'stream', name: 'stderr', text: ['warn\n'] },
              { output_type: 'execute_result', data: { 'text/plain': '42', 'text/html': '<b>42</b>' } },
              { output_type: 'display_data', data: { 'image/png': ['iVBO\n', 'Rw=='] } },
              { output_type: 'display_data', data: { 'image/png': 'not base64 "><script>' } },
              { output_type: 'error', ename: 'E', evalue: 'v', traceback: ['line 1\nline 2'] },
              { output_type: 'display_data', data: { 'text/html': '<script>x</script>' } },
            ],
          },
          { cell_type: 'raw', source: 'raw' },
        ],
      }),
    );
    expect(notebook).toEqual({
      language: 'python',
      cells: [
        { type: 'markdown', source: '# Title\ntext' },
        {
          type: 'code',
          source: 'x',
          executionCount: 3,
          outputs: [
            { type: 'stream', name: 'stderr', text: 'warn\n' },
            { type: 'text', text: '42' },
            { type: 'image', mime: 'image/png', base64: 'iVBORw==' },
            { type: 'error', name: 'E', value: 'v', traceback: ['line 1\nline 2'] },
          ],
        },
        { type: 'raw', source: 'raw' },
      ],
    });
  });

  it('refuses JSON that is not a notebook', () => {
    expect(() => parseNotebook('{"a": 1}')).toThrow('not a Jupyter notebook');
    expect(() => parseNotebook('{')).toThrow();
  });
});

describe('file dialogs', () => {
  it('checks a name as it is typed', () => {
    expect(nameProblem('main.py')).toBeUndefined();
    expect(nameProblem('')).toBe('Give it a name');
    expect(nameProblem('a/b')).toMatch('cannot contain /');
    expect(nameProblem('..')).toMatch('is not a name');
    expect(nameProblem('data/b.csv', true)).toBeUndefined();
    expect(nameProblem('data//b.csv', true)).toMatch('empty part');
    expect(nameProblem('../b.csv', true)).toMatch('is not a name');
  });

  it('renames in place, or moves when given a path', () => {
    expect(renameTarget('src/a.py', 'b.py')).toBe('src/b.py');
    expect(renameTarget('src/a.py', 'lib/a.py')).toBe('lib/a.py');
    expect(renameTarget('src/a.py', '/a.py')).toBe('a.py');
    expect(renameTarget('a.py', 'b.py')).toBe('b.py');
  });

  it('says what a folder delete takes', () => {
    expect(contentsInWords({ kind: 'directory', files: 1, folders: 0, partial: false })).toBe('1 file and 0 folders');
    expect(contentsInWords({ kind: 'directory', files: 3, folders: 2, partial: true })).toBe('at least 3 files and 2 folders');
  });
});
