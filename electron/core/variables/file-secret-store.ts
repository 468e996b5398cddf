import { parseSecretJson } from './secret-json';
import { readSecretFile, writeSecretFile } from './secret-file';
import type { SecretStore } from './secret-store';

/** The document as JSON in a file only its owner can read (mode 0600): used where no cipher is available. */
export class FileSecretStore implements SecretStore {
  constructor(readonly file: string) {}

  async read(): Promise<unknown> {
    const bytes = await readSecretFile(this.file);
    return bytes === undefined ? undefined : parseSecretJson(this.file, bytes.toString('utf8'));
  }

  async write(document: unknown): Promise<void> {
    await this.read(); // throws on a file it cannot read, which is therefore never replaced
    await writeSecretFile(this.file, `${JSON.stringify(document, null, 2)}\n`);
  }
}
