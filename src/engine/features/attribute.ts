/**
 * Attribute features: an account column as is, free text normalized into
 * categories by keywords and regexes, or a number put into labelled buckets.
 */
import type { AttributeFeature } from "../../schema/feature.ts";
import { lit, num, q } from "../sql-names.ts";

/** A SQL expression over the accounts table alias `a`. */
export function attributeFeatureSql(feature: AttributeFeature): string {
  const column = `a.${q(feature.column)}`;
  if (feature.normalize) {
    const text = `lower(trim(CAST(${column} AS VARCHAR)))`;
    const whens = Object.entries(feature.normalize.categories).map(([label, category]) => {
      const tests = [
        ...(category.keywords ?? []).map((k) => `contains(${text}, ${lit(k.toLowerCase())})`),
        ...(category.regex ?? []).map((r) => `regexp_matches(${text}, ${lit(r)}, 'i')`),
      ];
      return tests.length > 0 ? `WHEN ${tests.join(" OR ")} THEN ${lit(label)}` : "";
    });
    return `CASE WHEN ${column} IS NULL OR trim(CAST(${column} AS VARCHAR)) = '' THEN NULL ${whens.join(" ")} ELSE ${lit(feature.normalize.otherwise)} END`;
  }
  if (feature.buckets) {
    const whens = feature.buckets.map((b) => (b.below !== undefined ? `WHEN ${column} < ${num(b.below)} THEN ${lit(b.label)}` : `WHEN TRUE THEN ${lit(b.label)}`));
    return `CASE WHEN ${column} IS NULL THEN NULL ${whens.join(" ")} END`;
  }
  return column;
}
