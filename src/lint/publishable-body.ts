/**
 * The text of a persona or review note as the build hands it to Astro, and
 * the local images it shows. `seg check` refuses every link and image the
 * playbook does not publish, and `seg build` stops on those errors; this is
 * the second line: whatever reached the build, each refused target is dropped
 * (a link keeps its text, an image and a definition go), until none is left.
 * A body that does not parse is not published at all.
 */
import type { LoadedDocument } from "../workspace/read-document.ts";
import { referenceProblem } from "./check-markdown-bodies.ts";
import { classifyLinkTarget } from "./link-target.ts";
import { resolveLocalImage } from "./local-image.ts";
import { markdownReferences, parseBody, withoutReferences, type MdastNode } from "./markdown-references.ts";

export interface PublishableBody {
  /** The whole file (frontmatter and body) with refused targets dropped. */
  text: string;
  /** Workspace paths of the local images the body shows, each a validated image file. */
  images: string[];
}

/** Nested links and images can hide one inside another, so dropping repeats; this bounds it. */
const MAX_PASSES = 8;

export function publishableBody(document: LoadedDocument<unknown>, root: string): PublishableBody {
  const body = document.body;
  const file = document.file;
  if (!body) return { text: file.text, images: [] };
  const head = file.text.slice(0, body.start);
  const mdx = file.path.endsWith(".mdx");
  let text = body.text;
  for (let pass = 0; ; pass++) {
    const tree = parsed(text, mdx);
    if (!tree || pass === MAX_PASSES) return { text: head, images: [] };
    const references = markdownReferences(tree);
    const refused = references.filter((r) => referenceProblem(r, file.path, root) !== undefined);
    if (refused.length > 0) {
      text = withoutReferences(text, refused);
      continue;
    }
    const images = new Set<string>();
    for (const reference of references) {
      const target = classifyLinkTarget(reference.url);
      if (reference.role !== "image" || target.kind !== "relative") continue;
      const image = resolveLocalImage(root, file.path, target.path);
      if (image.ok) images.add(image.path);
    }
    return { text: head + text, images: [...images].sort() };
  }
}

function parsed(text: string, mdx: boolean): MdastNode | undefined {
  try {
    return parseBody(text, mdx);
  } catch {
    return undefined;
  }
}
