/**
 * Plausible company names from syllables and word lists. A few carry a comma (", Inc.") or
 * double quotes so the CSV writer's quoting is exercised; a country-specific legal suffix is
 * added where one fits.
 */

import type { Market } from "./profiles.ts";
import type { Random } from "./random.ts";

const ONSETS = ["Bri", "Cal", "Dor", "El", "Fen", "Gal", "Har", "Is", "Jun", "Kel", "Lum", "Mar", "Nor", "Or", "Pel", "Quin", "Ros", "Sol", "Tal", "Ul", "Ver", "Wyn", "Xan", "Yar", "Zel", "Ash", "Bel", "Cor", "Dun", "Ev"];
const MIDDLES = ["a", "e", "i", "o", "u", "ar", "en", "is", "or", "ul", "ev", "an"];
const CODAS = ["ex", "ly", "ora", "ium", "ic", "on", "ia", "ent", "ara", "ix", "wood", "well", "stone", "field", "gate", "vale", "ton", "io"];
const ADJECTIVES = ["Blue", "North", "Iron", "Bright", "Silver", "Quiet", "Rapid", "Summit", "Harbor", "Cedar", "Copper", "Clear", "True", "Open", "Red", "Golden", "Maple", "Granite", "Swift", "Lantern"];
const NOUNS = ["Harbor", "Peak", "Fern", "Fox", "Bridge", "River", "Orbit", "Signal", "Beacon", "Grove", "Anchor", "Compass", "Falcon", "Meadow", "Pine", "Ridge", "Otter", "Kite", "Atlas", "Forge"];
const SURNAMES = ["Hale", "Moreno", "Okafor", "Lindqvist", "Brennan", "Sato", "Fischer", "Dubois", "Patel", "Novak", "Reyes", "Walsh", "Berg", "Costa", "Meyer", "Khan", "Ellis", "Rossi", "Nakamura", "O'Neill"];
const DESCRIPTORS = ["Labs", "Systems", "Technologies", "Group", "Partners", "Holdings", "Solutions", "Works", "Industries", "Health", "Logistics", "Analytics", "Software", "Foods", "Supply", "Networks"];
const AGENCY_DESCRIPTORS = ["Creative", "Digital", "Media", "Studio", "Collective", "& Co.", "Agency", "Design"];

const LEGAL_BY_COUNTRY: Readonly<Record<string, readonly string[]>> = {
  US: [" Inc.", ", Inc.", " LLC", " Corp."],
  CA: [" Inc.", " Ltd."],
  GB: [" Ltd", " Limited", " plc"],
  IE: [" Ltd", " Limited"],
  DE: [" GmbH", " AG"],
  CH: [" AG", " GmbH"],
  NL: [" B.V."],
  SE: [" AB"],
  FR: [" SAS", " SA"],
  AU: [" Pty Ltd"],
  BR: [" Ltda."],
  IN: [" Pvt. Ltd."],
};

function coinedWord(random: Random): string {
  const middle = random.chance(0.45) ? random.pick(MIDDLES) : "";
  return `${random.pick(ONSETS)}${middle}${random.pick(CODAS)}`;
}

function baseName(random: Random, market: Market): string {
  if (market === "agency") {
    return random.weighted<() => string>([
      [() => `${random.pick(NOUNS)} ${random.pick(AGENCY_DESCRIPTORS)}`, 4],
      [() => `${random.pick(SURNAMES)} & ${random.pick(SURNAMES)}`, 2],
      [() => `Studio ${coinedWord(random)}`, 1],
      [() => `${coinedWord(random)} ${random.pick(AGENCY_DESCRIPTORS)}`, 3],
    ])();
  }
  return random.weighted<() => string>([
    [() => coinedWord(random), 4],
    [() => `${coinedWord(random)} ${random.pick(DESCRIPTORS)}`, 4],
    [() => `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`, 3],
    [() => `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.pick(DESCRIPTORS)}`, 2],
    [() => `${random.pick(SURNAMES)} ${random.pick(DESCRIPTORS)}`, 1],
  ])();
}

/** A name not yet in `taken`; adds it to `taken`. */
export function generateCompanyName(random: Random, market: Market, country: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    let name = baseName(random, market);
    if (random.chance(0.015)) name = `${name} "${random.pick(NOUNS)}"`;
    const legal = LEGAL_BY_COUNTRY[country];
    if (legal !== undefined && random.chance(market === "enterprise" ? 0.7 : 0.35)) name += random.pick(legal);
    if (attempt > 20) name = `${name} ${attempt}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
