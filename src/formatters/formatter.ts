/** What every formatter receives and returns. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export interface FormatInput {
  /** Absolute workspace folder. */
  root: string;
  asOf: string;
  diagnostics: readonly Diagnostic[];
  counts: { error: number; warning: number; info: number };
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (input: FormatInput, options: FormatOptions) => string;
