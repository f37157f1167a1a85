import type { Container } from '../container.ts';

/** What a command with services needs: the container, and how to let go of the database after. */
export type CommandRuntime = { container: Container; close(): Promise<void> };

/**
 * A command's streams and services. The `fanbase` process passes its own (processIo); specs run
 * the same program in-process with buffers and a test database.
 */
export type CliIo = {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { writableNeedDrain?: boolean };
  /** Progress bars and logs; a bar is drawn only when this is a terminal. */
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The configured database (migrated) and services. */
  openRuntime(): Promise<CommandRuntime>;
};

export const processIo: CliIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  async openRuntime() {
    const { openRuntime } = await import('./runtime.ts');
    return openRuntime('command');
  },
};
