/** A CASE expression laid out one branch per line, for compiled SQL people read. */
export function caseSql(whens: readonly string[], otherwise?: string): string {
  const lines = [...whens, ...(otherwise !== undefined ? [`ELSE ${otherwise}`] : [])];
  return `CASE\n    ${lines.join("\n    ")}\n  END`;
}
