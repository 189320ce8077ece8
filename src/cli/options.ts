/**
 * One option table per command drives parsing, --help and the README's command
 * reference, so the three cannot disagree.
 */
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { SegError } from "../diagnostics/seg-error.ts";

export interface OptionSpec {
  name: string;
  type: "string" | "boolean" | "number";
  description: string;
  /** Shown in help; the command applies it. */
  default?: string | number | boolean;
  /** Allowed values for string options. */
  choices?: readonly string[];
  /** Value placeholder shown in help, e.g. DIR. */
  placeholder?: string;
  /** A string option that may be given more than once; the values are joined with commas. */
  repeatable?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: readonly OptionSpec[];
  /** Positional arguments, for help. */
  positionals?: readonly { name: string; description: string }[];
  examples?: readonly string[];
}

export const COMMON_OPTIONS = [
  { name: "root", type: "string", placeholder: "DIR", description: "Workspace folder (default: the current folder, or the nearest folder above it with segmentation.yaml)." },
  { name: "debug", type: "boolean", description: "Show stack traces of internal errors." },
  { name: "help", type: "boolean", description: "Show this help." },
] as const satisfies readonly OptionSpec[];

/** The value an option parses to: its choices, a number, true for a flag, else text. */
type OptionValue<O extends OptionSpec> = O["type"] extends infer T
  ? T extends "boolean"
    ? boolean
    : T extends "number"
      ? number
      : O extends { choices: readonly (infer C extends string)[] }
        ? C
        : string
  : never;

/** The parsed values of a table of options, by name; an option not given is absent. */
export type OptionValues<Options extends readonly OptionSpec[]> = { [O in Options[number] as O["name"]]?: OptionValue<O> };

/**
 * What parseArgs returns for a command whose option table is `Options`: declare the table
 * `as const satisfies CommandSpec` and take `ParsedArgs<typeof spec.options>`, and every option
 * has the type its table entry says.
 */
export interface ParsedArgs<Options extends readonly OptionSpec[] = readonly OptionSpec[]> {
  options: OptionValues<[...Options, ...typeof COMMON_OPTIONS]>;
  positionals: string[];
}

export function parseArgs<Spec extends CommandSpec>(spec: Spec, argv: readonly string[]): ParsedArgs<Spec["options"]> {
  const all: readonly OptionSpec[] = [...spec.options, ...COMMON_OPTIONS];
  const options: Record<string, string | number | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      options.help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      if (arg.startsWith("-") && arg.length > 1) throw new SegError(`Unknown option ${arg}. Run seg ${spec.name} --help for the options.`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = all.find((o) => o.name === name);
    if (!option) {
      const names = all.map((o) => o.name);
      const close = names.find((n) => n.startsWith(name) || name.startsWith(n)) ?? didYouMean(name, names);
      throw new SegError(`Unknown option --${name}.${close ? ` Did you mean --${close}?` : ""} Run seg ${spec.name} --help for the options.`);
    }
    if (option.type === "boolean") {
      if (eq !== -1) throw new SegError(`--${name} takes no value.`);
      options[option.name] = true;
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new SegError(`--${name} needs a value${option.choices ? ` (one of ${option.choices.join(", ")})` : option.placeholder ? ` (${option.placeholder})` : ""}.`);
    if (option.choices && !option.choices.includes(value)) {
      throw new SegError(`--${name} must be one of ${option.choices.join(", ")}, not "${value}".`);
    }
    if (option.type === "number") {
      const n = Number(value);
      if (!Number.isFinite(n) || value.trim() === "") throw new SegError(`--${name} needs a number, not "${value}".`);
      options[option.name] = n;
    } else {
      const previous = options[option.name];
      options[option.name] = option.repeatable && typeof previous === "string" ? `${previous},${value}` : value;
    }
  }
  // The loop above gives each option the type its table entry declares.
  return { options: options as ParsedArgs<Spec["options"]>["options"], positionals };
}

export function formatHelp(spec: CommandSpec): string {
  const all: readonly OptionSpec[] = [...spec.options, ...COMMON_OPTIONS];
  const label = (o: OptionSpec) => `--${o.name}${o.type === "boolean" ? "" : ` ${o.placeholder ?? (o.choices ? o.choices.join("|") : o.type === "number" ? "N" : "VALUE")}`}`;
  const width = Math.max(...all.map((o) => label(o).length), ...(spec.positionals ?? []).map((p) => p.name.length)) + 2;
  const lines = [`Usage: ${spec.usage}`, "", spec.summary, ""];
  if (spec.positionals?.length) {
    lines.push("Arguments:");
    for (const p of spec.positionals) lines.push(`  ${p.name.padEnd(width)}${p.description}`);
    lines.push("");
  }
  lines.push("Options:");
  for (const o of all) {
    const def = o.default !== undefined ? ` (default: ${String(o.default)})` : "";
    lines.push(`  ${label(o).padEnd(width)}${o.description}${def}`);
  }
  if (spec.examples?.length) {
    lines.push("", "Examples:");
    for (const e of spec.examples) lines.push(`  ${e}`);
  }
  return `${lines.join("\n")}\n`;
}
