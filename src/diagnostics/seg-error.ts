/**
 * A problem that stops a command and that the user can fix: how Seg was called (an unknown flag,
 * a bad value, a name the workspace does not have), a file it could not read or write, a git
 * revision that does not exist. It carries the exit code (2 unless said otherwise); the CLI prints
 * the message, which names what to do next, without a stack. Mistakes in the workspace's own files
 * are diagnostics, never a SegError.
 */
export class SegError extends Error {
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SegError";
    this.exitCode = options.exitCode ?? 2;
  }
}
