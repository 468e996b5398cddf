import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { FilesPage } from './pages/files-page';

/** A 1×1 red PNG, as a notebook keeps an image output. */
const RED_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

test('a person creates, edits, renames, moves and deletes files', async ({ app, host }) => {
  const scripts: string[] = [];
  app.page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(request.url())));
  const editorChunk = /text-editor|file-languages/;
  await app.createProject('files-demo');
  await expect(app.projectTitle).toHaveText('files-demo');
  await app.tab('Files').click();
  const files = new FilesPage(app.page, 'files-demo');
  const projectDir = path.join(host.workspace, 'projects', 'files-demo');
  await expect(files.item('main.orchest')).toBeVisible();
  // CodeMirror comes with the first file opened, not with the page.
  expect(scripts.filter((url) => editorChunk.test(url))).toEqual([]);

  // A folder, then a file in it (the selected folder), which opens in the editor.
  await files.name('New folder', 'src');
  await expect(files.item('src')).toHaveAttribute('aria-selected', 'true');
  await files.name('New file', 'hello.py');
  expect(await fs.readFile(path.join(projectDir, 'src', 'hello.py'), 'utf8')).toBe('');
  await expect(files.view.getByRole('heading', { name: 'src/hello.py' })).toBeVisible();
  await expect(files.editor).toBeVisible();
  expect(scripts.filter((url) => editorChunk.test(url))).not.toEqual([]);

  await files.editor.click();
  await app.page.keyboard.type('print("hi")');
  await app.page.keyboard.press('Control+s');
  await expect.poll(() => fs.readFile(path.join(projectDir, 'src', 'hello.py'), 'utf8')).toBe('print("hi")');
  await expect(files.view.getByRole('button', { name: 'Save' })).toBeDisabled();

  // Changed on disk while edited here: the save is refused, and Overwrite or Reload is offered.
  await app.page.keyboard.type('\nprint("mine")');
  await fs.writeFile(path.join(projectDir, 'src', 'hello.py'), 'print("theirs")\n');
  await app.page.keyboard.press('Control+s');
  const conflict = files.view.getByTestId('file-conflict');
  await expect(conflict).toContainText('hello.py changed on disk since it was read');
  expect(await fs.readFile(path.join(projectDir, 'src', 'hello.py'), 'utf8')).toBe('print("theirs")\n');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(files.editor).toHaveText('print("theirs")');
  await files.editor.click();
  await app.page.keyboard.press('Control+End');
  await app.page.keyboard.type('print("again")');
  await fs.writeFile(path.join(projectDir, 'src', 'hello.py'), 'print("theirs, twice")\n');
  await files.view.getByRole('button', { name: 'Save' }).click();
  await conflict.getByRole('button', { name: 'Overwrite' }).click();
  await expect.poll(() => fs.readFile(path.join(projectDir, 'src', 'hello.py'), 'utf8')).toBe('print("theirs")\nprint("again")');

  // Rename in a dialog, then move by dragging the row onto a folder.
  await files.item('hello.py').click();
  await files.name('Rename', 'main.py');
  await expect(files.item('main.py')).toBeVisible();
  expect(await fs.readdir(path.join(projectDir, 'src'))).toEqual(['main.py']);
  await fs.mkdir(path.join(projectDir, 'data'));
  await expect(files.item('data')).toBeVisible();
  await files.item('main.py').dragTo(files.item('data'));
  await expect.poll(() => fs.readdir(path.join(projectDir, 'data'))).toEqual(['main.py']);
  expect(await fs.readdir(path.join(projectDir, 'src'))).toEqual([]);
  await expect(files.view.getByRole('heading', { name: 'data/main.py' })).toBeVisible();

  // The confirmation names what goes; the browser's host deletes for good.
  await files.item('data').click();
  await files.action('Delete').click();
  const confirm = app.page.getByRole('dialog', { name: 'Delete folder' });
  await expect(confirm).toContainText('Delete the folder data and everything in it (1 file and 0 folders)? This cannot be undone.');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(files.item('data')).toHaveCount(0);
  await expect(fs.stat(path.join(projectDir, 'data'))).rejects.toThrow();
  await expect(files.view).toHaveCount(0);
});

test('a notebook is rendered, and a binary file offers a download', async ({ app, host }) => {
  await app.createProject('notebooks');
  await expect(app.projectTitle).toHaveText('notebooks');
  const projectDir = path.join(host.workspace, 'projects', 'notebooks');
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# Results\n', '\n', 'Churn is **down**.<script>alert(1)</script>'] },
      {
        cell_type: 'code',
        execution_count: 1,
        metadata: {},
        source: ['import matplotlib\n', 'plot()'],
        outputs: [
          { output_type: 'stream', name: 'stdout', text: ['plotting\n'] },
          { output_type: 'display_data', metadata: {}, data: { 'image/png': RED_PIXEL, 'text/plain': ['<Figure>'] } },
          { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['\u001b[0;31mValueError\u001b[0m: bad'] },
        ],
      },
    ],
  };
  await fs.writeFile(path.join(projectDir, 'analysis.ipynb'), JSON.stringify(notebook));
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10, 0x00]);
  await fs.writeFile(path.join(projectDir, 'data.bin'), bytes);
  await app.tab('Files').click();
  const files = new FilesPage(app.page, 'notebooks');

  await files.item('analysis.ipynb').click();
  const view = files.view.getByTestId('notebook-view');
  await expect(view.getByRole('heading', { name: 'Results' })).toBeVisible();
  await expect(view.locator('strong')).toHaveText('down');
  await expect(view.locator('script')).toHaveCount(0);
  await expect(view).toContainText('plotting');
  await expect(view.getByRole('img', { name: 'Cell output' })).toHaveAttribute('src', `data:image/png;base64,${RED_PIXEL}`);
  await expect(view.getByRole('img', { name: 'Cell output' })).toHaveJSProperty('naturalWidth', 1);
  await expect(view.getByTestId('notebook-error').locator('.ansi-red-fg')).toHaveText('ValueError');

  await files.item('data.bin').click();
  await expect(files.view.getByTestId('file-unreadable')).toContainText('data.bin is a binary file');
  await expect(files.editor).toHaveCount(0);
  // The headless host has no system applications to open files with.
  await expect(files.view.getByRole('button', { name: 'Open with system app' })).toHaveCount(0);
  const downloading = app.page.waitForEvent('download');
  await files.view.getByTestId('file-unreadable').getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('data.bin');
  expect(await fs.readFile(await download.path())).toEqual(bytes);
});
