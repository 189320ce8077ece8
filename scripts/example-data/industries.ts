/**
 * Free-text industry as a sales rep would type it: synonyms, odd casing, trailing spaces, a few
 * non-English spellings, blanks and junk. Agencies mostly say "agency" or "studio"; no other
 * market ever does, so a keyword mapping (agency | studio | creative) recovers the agency market.
 */

import type { Market } from "./profiles.ts";
import type { Random } from "./random.ts";

const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  software: ["Software", "SaaS", "software development", "B2B software ", "Software & IT", "IT services", "saas", "Tech", "Computer Software", "Information Technology"],
  ecommerce: ["Retail", "E-commerce", "ecommerce", "Online retail", "eCommerce / DTC", "Consumer goods", "retail"],
  healthcare: ["Healthcare", "health tech", "HealthTech", "Hospitals & clinics", "Medical devices", "Gesundheitswesen", "healthcare "],
  finance: ["Financial services", "FinTech", "fintech", "Banking", "Insurance", "Accounting", "Finance"],
  manufacturing: ["Manufacturing", "manufacturing", "Industrial", "Automotive", "Machinery", "Fertigung"],
  logistics: ["Logistics", "Transportation & logistics", "logistics / 3PL", "Supply chain", "Freight", "Logística"],
  nonprofit: ["Non-profit", "Nonprofit", "NGO", "non profit", "Charity"],
  education: ["Education", "EdTech", "edtech", "Higher education", "E-learning", "Éducation"],
  services: ["Consulting", "Professional services", "Legal", "Real estate", "Recruiting", "HR services"],
  agency: ["Marketing Agency", "digital agency", "Creative studio", "Ad agency", "Advertising agency", "Design studio", "Branding agency", "agency - marketing", "Creative Agency ", "Web design agency", "PR agency", "Media agency", "Growth agency", "creative agency", "Digital Agency"],
  agencyVague: ["Marketing", "Advertising", "Marketing services", "Media", "Design"],
};

const ODD = ["N/A", "-", "other", "TBD", "see website", "Software;Retail", "unknown", "?", "Misc."];

const MIX: Readonly<Record<Market, readonly (readonly [string, number])[]>> = {
  enterprise: [["software", 22], ["finance", 18], ["healthcare", 14], ["manufacturing", 16], ["logistics", 10], ["ecommerce", 12], ["education", 4], ["services", 4]],
  smb: [["software", 20], ["ecommerce", 17], ["healthcare", 11], ["finance", 10], ["manufacturing", 12], ["logistics", 10], ["nonprofit", 6], ["education", 7], ["services", 7]],
  startup: [["software", 40], ["ecommerce", 14], ["healthcare", 12], ["finance", 14], ["education", 9], ["logistics", 4], ["services", 4], ["nonprofit", 3]],
  agency: [["agency", 90], ["agencyVague", 7], ["services", 3]],
};

export function generateIndustry(random: Random, market: Market): string {
  const r = random.next();
  if (r < 0.03) return "";
  if (r < 0.045) return random.pick(ODD);
  const family = random.weighted(MIX[market]);
  return random.pick(VARIANTS[family] ?? ODD);
}
