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

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
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
