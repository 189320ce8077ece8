/**
 * Will a sales brief print on one A4 page, and if not, how short must its
 * texts be? An estimate of the printed height from the length of each text
 * (the print styles in global.css: 9 pt type, two columns, no block split
 * across columns), measured in Chromium and rounded up. A brief that fits is
 * left whole; one that does not has its longest texts cut to one length,
 * the longest that fits, at a word and with "…" — the same texts always give
 * the same cut. test/e2e/site/sales-brief.test.ts prints the worst case.
 */
import { truncateWords } from "../../text/truncate-text.ts";

/** CSS pixels at 96 dpi, at the print size of the brief. */
const PAGE = 1039; // A4's 297 mm less 2 × 11 mm of margin.
const LINE = 16.2; // 9 pt × 1.35
const COLUMN_CHARS = 48; // of text in one of the two columns (a line wraps after about 53)
const QUOTE_CHARS = 46; // of the italic, indented message (about 53)
const TITLE_CHARS = 52; // of the 17 pt title, across the page
const META_CHARS = 100; // of the line under the title
const CRUMB_CHARS = 44; // of the breadcrumb above it, in spaced capitals
const HEAD = 72;
const NUMBERS = 116;
const HEADING = 24;
const PARAGRAPH_GAP = 16;
const LABEL = 31;
const ITEM_GAP = 3.5;
const LIST_GAP = 8;
const MORE = 27;
const QUOTE_GAP = 15;
const SECTION_GAP = 12;
const MISSING = 90;
const MISSING_ITEM = 20;
const SAFETY = 12;
/** More room kept free when texts are cut anyway: their lines end less predictably than whole ones. */
const CUT_SAFETY = 48;

/** What of a brief takes room on the printed page; texts as shown, lists as cut. */
export interface BriefLayout {
  name: string;
  meta: string;
  /** Items under "To complete this brief". */
  missing: number;
  who: { summary: string; personas: string[]; more: boolean };
  spot: { definition: string; lists: BriefLayoutList[] };
  say: { message: string | null; lists: BriefLayoutList[] };
  objections: { items: { objection: string; response: string }[]; more: boolean };
  proof: BriefLayoutList;
}

export interface BriefLayoutList {
  items: string[];
  more: boolean;
  /** A small heading above the list ("In a conversation", "Ask"). */
  labelled: boolean;
}

const lines = (text: string, chars: number) => Math.max(1, Math.ceil(text.length / chars));
const block = (text: string, chars = COLUMN_CHARS) => lines(text, chars) * LINE;

function listHeight(list: BriefLayoutList): number {
  if (list.items.length === 0) return 0;
  const items = list.items.reduce((sum, item) => sum + block(item) + ITEM_GAP, 0);
  return (list.labelled ? LABEL : 0) + items + LIST_GAP + (list.more ? MORE : 0);
}

/** Estimated heights of the five sections of the two-column part, in order. */
function sectionHeights(b: BriefLayout): number[] {
  const section = (inner: number) => (inner > 0 ? HEADING + inner + SECTION_GAP : 0);
  const who = block(b.who.summary) + PARAGRAPH_GAP + b.who.personas.reduce((sum, p) => sum + block(p) + ITEM_GAP, 0) + (b.who.personas.length > 0 ? LIST_GAP : 0) + (b.who.more ? MORE : 0);
  const spot = block(b.spot.definition) + PARAGRAPH_GAP + b.spot.lists.reduce((sum, l) => sum + listHeight(l), 0);
  const say = (b.say.message === null ? 0 : block(b.say.message, QUOTE_CHARS) + QUOTE_GAP) + b.say.lists.reduce((sum, l) => sum + listHeight(l), 0);
  const objections = b.objections.items.reduce((sum, o) => sum + block(o.objection) + block(o.response) + ITEM_GAP * 2, 0) + (b.objections.items.length > 0 ? LIST_GAP : 0) + (b.objections.more ? MORE : 0);
  return [section(who), section(spot), section(say), section(objections), section(listHeight(b.proof))];
}

/** True when the estimate puts the brief on one page: the sections split into two columns that each fit under the head. */
export function briefFits(b: BriefLayout, safety = SAFETY): boolean {
  // The name is in the title and in the breadcrumb above it.
  const head = HEAD + (lines(`${b.name} sales brief`, TITLE_CHARS) - 1) * 31 + (lines(`Segments / ${b.name} / Sales brief`, CRUMB_CHARS) - 1) * 22 + (lines(b.meta, META_CHARS) - 1) * 21;
  const missing = b.missing > 0 ? MISSING + b.missing * MISSING_ITEM : 0;
  const column = PAGE - head - NUMBERS - missing - safety;
  const heights = sectionHeights(b);
  const total = heights.reduce((a, h) => a + h, 0);
  let first = 0;
  for (const h of [0, ...heights]) {
    first += h;
    if (first <= column && total - first <= column) return true;
  }
  return false;
}

/** Every text of the two-column part, through `cut`. */
function cutTexts(b: BriefLayout, cut: (text: string) => string): BriefLayout {
  const list = (l: BriefLayoutList): BriefLayoutList => ({ ...l, items: l.items.map(cut) });
  return {
    ...b,
    who: { ...b.who, summary: cut(b.who.summary), personas: b.who.personas.map(cut) },
    spot: { definition: cut(b.spot.definition), lists: b.spot.lists.map(list) },
    say: { message: b.say.message === null ? null : cut(b.say.message), lists: b.say.lists.map(list) },
    objections: { ...b.objections, items: b.objections.items.map((o) => ({ objection: cut(o.objection), response: cut(o.response) })) },
    proof: list(b.proof),
  };
}

/** The most characters any text of a brief that does not fit may keep so that it fits one page: the longest such length, found by halving. */
export function briefTextRoom(b: BriefLayout): number {
  let low = 12;
  let high = 2000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (briefFits(cutTexts(b, (text) => truncateWords(text, mid)), CUT_SAFETY)) low = mid;
    else high = mid - 1;
  }
  return low;
}
