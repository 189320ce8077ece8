/** The workspace has the files Seg needs, and every file read lies inside it. */
import { defineCheck } from "./define-check.ts";

export const workspaceNoConfig = defineCheck({ id: "workspace/no-config", description: "The workspace has a segmentation.yaml", defaultSeverity: "error", messages: { problem: "{{problem}}" }, hint: "Run seg check from a workspace folder, pass --root DIR, or create one with seg init." });
export const workspaceUnsafePath = defineCheck({ id: "workspace/unsafe-path", description: "Every file read lies inside the workspace, outside dot-folders, and is not a link out", defaultSeverity: "error", messages: { problem: "{{problem}}" }, hint: "Replace the link or path with a file inside the workspace." });
export const workspaceNotAFile = defineCheck({ id: "workspace/not-a-file", description: "Every path Seg reads is a regular file", defaultSeverity: "error", messages: { problem: "{{problem}}" }, hint: "Replace it with a regular file." });
export const workspaceIgnoredFile = defineCheck({ id: "workspace/ignored-file", description: "Every YAML file under segments/ is a segment in a scheme's folder (segments/<scheme>/<id>.yaml)", defaultSeverity: "warning", messages: { problem: "{{problem}}" }, hint: "Move it into its scheme's folder (segments/<scheme>/<id>.yaml), or out of segments/ if it is not a segment." });
