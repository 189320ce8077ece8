/**
 * Countries (ISO 3166-1 alpha-2) weighted like a US-headquartered SaaS customer base, and the
 * sales territory each falls in. The territory is an org-chart field: US and Canadian accounts
 * are split East/West by an unwritten headquarters location, everything else follows the country.
 */

import type { Random } from "./random.ts";

export type SalesRegion = "NA-East" | "NA-West" | "EMEA" | "APAC" | "LATAM";

const COUNTRIES: readonly (readonly [string, number, SalesRegion | "NA"])[] = [
  ["US", 38, "NA"],
  ["GB", 9, "EMEA"],
  ["DE", 7, "EMEA"],
  ["FR", 5, "EMEA"],
  ["CA", 5, "NA"],
  ["AU", 4, "APAC"],
  ["NL", 3.5, "EMEA"],
  ["SE", 2.5, "EMEA"],
  ["IN", 4, "APAC"],
  ["BR", 3.5, "LATAM"],
  ["ES", 2.5, "EMEA"],
  ["IT", 2, "EMEA"],
  ["IE", 1.5, "EMEA"],
  ["CH", 1.5, "EMEA"],
  ["DK", 1.2, "EMEA"],
  ["NO", 1, "EMEA"],
  ["FI", 1, "EMEA"],
  ["PL", 1.2, "EMEA"],
  ["SG", 1.5, "APAC"],
  ["JP", 1.2, "APAC"],
  ["NZ", 0.8, "APAC"],
  ["MX", 1.5, "LATAM"],
  ["AR", 0.8, "LATAM"],
  ["CL", 0.6, "LATAM"],
  ["CO", 0.6, "LATAM"],
  ["ZA", 0.8, "EMEA"],
  ["AE", 0.8, "EMEA"],
  ["IL", 0.8, "EMEA"],
];

const WEIGHTS = COUNTRIES.map(([code, weight]) => [code, weight] as const);

export type Location = { country: string; salesRegion: SalesRegion };

export function pickLocation(random: Random): Location {
  const country = random.weighted(WEIGHTS);
  const region = COUNTRIES.find(([code]) => code === country)?.[2] ?? "EMEA";
  if (region !== "NA") return { country, salesRegion: region };
  return { country, salesRegion: random.chance(0.56) ? "NA-East" : "NA-West" };
}
