/**
 * What the stage (site/stage.ts) holds for a checked workspace, and what the
 * content collections are fed: each persona and review file with refused
 * links dropped, its images, and public/'s whitelisted files. A staged
 * document holds only its body (the frontmatter replaced by as many blank
 * lines, so positions in the body stay where they were): the frontmatter goes
 * to Astro as the value Seg validated, never to be parsed again.
 */
import { checkPublicFolder } from "../lint/check-public-folder.ts";
import { publishableBody } from "../lint/publishable-body.ts";
import type { CheckResult } from "../lint/check-result.ts";
import { entryId } from "../site/model/review-notes.ts";
import type { PlaybookDocument } from "../site/playbook-documents.ts";
import type { StageInput } from "../site/stage.ts";

export interface PlaybookStage {
  input: StageInput;
  documents: PlaybookDocument[];
}

export function playbookStage(result: CheckResult): PlaybookStage {
  const files = new Map<string, string>();
  const copies: string[] = [];
  const documents: PlaybookDocument[] = [];
  const add = (collection: PlaybookDocument["collection"], id: string, document: CheckResult["workspace"]["reviews"][number] | CheckResult["workspace"]["personas"][number]) => {
    const published = publishableBody(document, result.root);
    const headLength = document.body?.start ?? published.text.length;
    const body = `${"\n".repeat(countLines(published.text.slice(0, headLength)))}${published.text.slice(headLength)}`;
    files.set(document.file.path, body);
    copies.push(...published.images);
    documents.push({ collection, id, data: document.value as unknown as Record<string, unknown>, body, filePath: document.file.path });
  };
  for (const persona of result.workspace.personas) add("personas", persona.value.id, persona);
  for (const review of result.workspace.reviews) add("reviews", entryId(review.file.path), review);
  copies.push(...checkPublicFolder(result.root).files);
  return { input: { root: result.root, documents: files, copies }, documents };
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}
