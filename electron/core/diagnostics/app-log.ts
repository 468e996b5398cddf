import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { Disposable } from '../app-error';

/** Where the main process and the host keep their own logs. */
export function logsFolder(home: string): string {
  return path.join(home, 'logs');
}

export type LogLevel = 'info' | 'warn' | 'error';

/** One line of the app's log; a bridge or sign-in token in it is left out. */
export function logLine(level: LogLevel, text: string, time = new Date()): string {
  const safe = text.replace(/(token=)[^\s&#]+/gi, '$1(left out)').replace(/\r?\n/g, '\n    ');
  return `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${safe}\n`;
}

/**
 * The process's own log, `<home>/logs/<name>.log`, rotated at 1 MiB with four older files kept
 * (`<name>.log.1` the newest). What the process says on console.warn and console.error goes there too,
 * as does a crash.
 */
export class AppLog implements Disposable {
  readonly file: string;
  private readonly stream: RotatingFileStream;
  private readonly restore: () => void;

  constructor(home: string, name: 'main' | 'host') {
    const folder = logsFolder(home);
    mkdirSync(folder, { recursive: true });
    this.file = path.join(folder, `${name}.log`);
    this.stream = createStream(`${name}.log`, { path: folder, size: '1M', rotate: 4 });
    // A log that cannot be written must not take the app down with it.
    this.stream.on('error', () => undefined);
    this.restore = this.teeConsole();
    process.on('uncaughtExceptionMonitor', this.onCrash);
  }

  write(level: LogLevel, text: string): void {
    this.stream.write(logLine(level, text));
  }

  private teeConsole(): () => void {
    const { warn, error } = console;
    console.warn = (...args: unknown[]) => (warn(...args), this.write('warn', format(...args)));
    console.error = (...args: unknown[]) => (error(...args), this.write('error', format(...args)));
    return () => Object.assign(console, { warn, error });
  }

  /** The process is about to end: written at once, as the stream would not get to it. */
  private readonly onCrash = (error: Error) => {
    try {
      appendFileSync(this.file, logLine('error', `Crashed: ${error.stack ?? error.message}`));
    } catch {
      // nowhere left to say it
    }
  };

  async dispose(): Promise<void> {
    this.restore();
    process.off('uncaughtExceptionMonitor', this.onCrash);
    await new Promise<void>((resolve) => this.stream.end(resolve));
  }
}
