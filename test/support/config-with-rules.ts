/**
 * segmentation.yaml with every registered rule turned off except the ones a
 * test is about, so rules added later do not change what the test sees.
 */
import { rules } from "../../src/rules/index.ts";
import { BASE_CONFIG } from "./temp-workspace.ts";

export function configWithRules(levels: Record<string, "off" | "info" | "warn" | "error">, base = BASE_CONFIG): string {
  return `${base}rules:\n${rules.map((rule) => `  ${rule.id}: ${levels[rule.id] ?? "off"}`).join("\n")}\n`;
}
