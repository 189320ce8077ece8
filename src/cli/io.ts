/**
 * Everything the CLI touches outside itself: output streams, whether they are
 * terminals, the environment, the working directory and the clock. Tests pass
 * their own.
 */
import { parseDateOption } from "./parse-date-option.ts";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Today's date, YYYY-MM-DD: $SEG_TODAY when set (to reproduce a past run), else the clock. */
  today(): string;
}

/** @public bin/seg.js imports it (by a computed path, which knip cannot follow). */
export function processIo(): Io {
  return {
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    today: () => parseDateOption(process.env.SEG_TODAY || undefined, "SEG_TODAY") ?? new Date().toISOString().slice(0, 10),
  };
}

/** Colors only on a terminal, never when NO_COLOR is set or in CI logs without FORCE_COLOR. */
export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY;
}

/**
 * Writes to a stream until its reader goes away (`seg check | head`): then the
 * rest of the output is dropped quietly, as any Unix tool does, instead of an
 * EPIPE error with a stack. The command still ends with its own exit code.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
