/** A mistake in how Seg was called (unknown flag, bad value): exit code 2, no stack. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
