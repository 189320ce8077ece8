/**
 * How the playbook names a feature and where its entry in the data dictionary
 * is: the `label:` declared in segmentation.yaml, else the built-in's name in
 * words, else the name itself in words (`active_days_90d` → "Active days 90d").
 * Accounts columns link to their row under their source, everything else to
 * its feature entry.
 */
import type { Config } from "../../schema/config.ts";
import type { CatalogEntry } from "../../workspace/feature-catalog.ts";

const BUILTIN_LABELS: Readonly<Record<string, string>> = {
  recency_days: "Recency (days since the last purchase)",
  frequency: "Frequency (orders)",
  monetary: "Monetary value",
  r_score: "Recency score (1–5)",
  f_score: "Frequency score (1–5)",
  m_score: "Monetary score (1–5)",
  rfm_group: "RFM group",
  tenure_days: "Tenure (days since the first purchase)",
  ltv: "Lifetime value",
  value_tier: "Value tier",
  usage_intensity: "Usage intensity (events per active day)",
  cluster_id: "Cluster",
  cluster_name: "Cluster name",
};

export function featureLabel(name: string, config: Config | undefined): string {
  const declared = config?.features[name]?.label;
  if (declared) return declared;
  const builtin = BUILTIN_LABELS[name];
  if (builtin) return builtin;
  const words = name.replaceAll("_", " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** The fragment id of a feature's or an accounts column's entry on the Data page. */
export function dictionaryAnchor(name: string, config: Config | undefined, catalog: ReadonlyMap<string, CatalogEntry>): string {
  if (config && catalog.get(name)?.origin === "column") {
    const source = Object.entries(config.sources).find(([, s]) => s.kind === "accounts" && name in s.columns)?.[0];
    if (source) return columnAnchor(source, name);
  }
  return `feature-${name}`;
}

export function columnAnchor(source: string, column: string): string {
  return `column-${source}-${column}`;
}
