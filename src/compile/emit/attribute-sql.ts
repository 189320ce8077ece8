/**
 * An attribute feature over the accounts row `a`: the column as is, free text
 * mapped to the first category with a matching keyword or regular expression,
 * or a number put in the first bucket it is below.
 */
import type { AttributePlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";

export function attributeSql(feature: AttributePlan, dialect: Dialect): string {
  const column = `a.${dialect.quoteIdent(feature.column)}`;
  if (feature.normalize) {
    const asText = dialect.trim(`CAST(${column} AS ${dialect.type("string")})`);
    const text = `lower(${asText})`;
    const whens = feature.normalize.categories.flatMap((category) => {
      const tests = [
        ...category.keywords.map((keyword) => dialect.call("contains", [text, dialect.stringLiteral(keyword)])),
        ...category.regex.map((pattern) => dialect.matchesRegex(text, pattern)),
      ];
      return tests.length > 0 ? [`WHEN ${tests.join(" OR ")} THEN ${dialect.stringLiteral(category.label)}`] : [];
    });
    return caseSql([`WHEN ${column} IS NULL OR ${asText} = '' THEN NULL`, ...whens], dialect.stringLiteral(feature.normalize.otherwise));
  }
  if (feature.buckets) {
    const whens = feature.buckets.map((b) => (b.below !== undefined ? `WHEN ${column} < ${dialect.numberLiteral(b.below)} THEN ${dialect.stringLiteral(b.label)}` : `WHEN TRUE THEN ${dialect.stringLiteral(b.label)}`));
    return caseSql([`WHEN ${column} IS NULL THEN NULL`, ...whens]);
  }
  return column;
}
