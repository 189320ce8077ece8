/**
 * Progress for long steps: a single updating line on a terminal, nothing in CI
 * or when output is piped, so logs stay clean.
 */
import type { Io } from "./io.ts";

export interface Progress {
  (step: string): void;
  done(): void;
}

export function progressReporter(io: Io): Progress {
  const active = io.isTTY && !io.env.CI;
  let shown = false;
  const report = ((step: string) => {
    if (!active) return;
    io.stderr(`\r\u001b[2K… ${step}`);
    shown = true;
  }) as Progress;
  report.done = () => {
    if (shown) io.stderr("\r\u001b[2K");
    shown = false;
  };
  return report;
}
