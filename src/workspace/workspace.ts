/** The validated workspace: every file parsed, typed and still tied to its text. */
import type { Config } from "../schema/config.ts";
import type { Hypothesis } from "../schema/hypothesis.ts";
import type { Persona } from "../schema/persona.ts";
import type { ReviewNote } from "../schema/review-note.ts";
import type { Segment } from "../schema/segment.ts";
import type { Suppressions } from "../schema/suppressions.ts";
import type { LoadedDocument } from "./read-document.ts";

export interface LoadedSegment extends LoadedDocument<Segment> {
  /** The scheme: the folder the file sits in. */
  scheme: string;
}

export interface Workspace {
  /** Absolute path of the workspace folder. */
  root: string;
  config: LoadedDocument<Config> | undefined;
  segments: LoadedSegment[];
  personas: LoadedDocument<Persona>[];
  hypotheses: LoadedDocument<Hypothesis>[];
  reviews: LoadedDocument<ReviewNote>[];
  suppressions: LoadedDocument<Suppressions> | undefined;
}
