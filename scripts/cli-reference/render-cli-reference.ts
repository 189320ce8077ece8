/** Markdown for every command: usage, summary, options table, examples. */
import { COMMON_OPTIONS, type CommandSpec } from "../../src/cli/options.ts";
import { COMMANDS } from "../../src/cli/main.ts";

export async function renderCliReference(): Promise<string> {
  const parts: string[] = [];
  for (const name of Object.keys(COMMANDS)) {
    const { spec } = (await COMMANDS[name]!.load()) as { spec: CommandSpec };
    parts.push(`### \`seg ${name}\`\n`, `${spec.summary}\n`, "```", spec.usage, "```\n");
    for (const p of spec.positionals ?? []) parts.push(`- \`${p.name}\`: ${p.description}`);
    if (spec.positionals?.length) parts.push("");
    parts.push("| option | description |", "| --- | --- |");
    for (const o of spec.options) {
      const value = o.type === "boolean" ? "" : ` ${o.placeholder ?? (o.choices ? o.choices.join("\\|") : o.type === "number" ? "N" : "VALUE")}`;
      parts.push(`| \`--${o.name}${value}\` | ${o.description}${o.default !== undefined ? ` Default: \`${String(o.default)}\`.` : ""} |`);
    }
    parts.push("");
    if (spec.examples?.length) parts.push("```sh", ...spec.examples, "```", "");
  }
  parts.push(`Every command also takes ${COMMON_OPTIONS.map((o) => `\`--${o.name}\``).join(", ")}.`, "");
  return `${parts.join("\n")}\n`;
}
