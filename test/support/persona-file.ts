/** A persona file for tests: Hands-on Hana of the heavy segment, with extra frontmatter lines and a body. */
export const PERSONA_FILE = "personas/hands-on-hana.mdx";

export function personaFile(body: string, frontmatter = ""): string {
  return `---
id: hands-on-hana
name: Hands-on Hana
kind: enterprise
segments: [heavy]
context: A team that runs its operations on the product.
goals: [Ship faster]
frustrations: [Rate limits during bulk runs]
${frontmatter}---

${body}
`;
}
