/**
 * A local image in a persona or review note (`![Lee](./lee.png)`) is copied
 * into the playbook, so its target is held to what an image is: a relative
 * path without query or fragment, to a regular file (not a link) whose real
 * path is inside the workspace and outside dot-folders, with an image
 * extension, at most MAX_IMAGE_BYTES, whose first bytes say it is that kind of
 * image. An SVG may carry no script, event handler, foreign HTML or external
 * reference. Nothing of the target's content is ever echoed in a message.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import { join, posix } from "node:path";
import { isInsideFolder } from "../workspace/is-inside-folder.ts";

export const IMAGE_EXTENSIONS: readonly string[] = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"];
export const MAX_IMAGE_BYTES = 10_000_000;

export type LocalImage = { ok: true; path: string } | { ok: false; message: string; hint: string };

const HINT = `Put the image (${IMAGE_EXTENSIONS.join(", ")}) in the workspace, e.g. next to the file, and write a path relative to the file: ![Lee](./lee.png).`;

/** `target` as written (decoded), relative to the document at workspace path `documentPath`. */
export function resolveLocalImage(root: string, documentPath: string, target: string): LocalImage {
  const refuse = (message: string, hint = HINT): LocalImage => ({ ok: false, message, hint });
  if (/[?#]/.test(target)) return refuse(`The image "${target}" has a query or fragment; an image is a plain path to a file.`);
  if (target.includes("\\")) return refuse(`The image "${target}" uses backslashes; write the path with forward slashes.`);
  if (target.startsWith("/")) return refuse(`The image "${target}" is an absolute path; images are paths relative to the file that shows them.`);
  const path = posix.normalize(posix.join(posix.dirname(documentPath), target));
  if (path === ".." || path.startsWith("../")) return refuse(`The image "${target}" is outside the workspace; the playbook publishes images from the workspace only.`);
  if (path.split("/").some((part) => part.startsWith("."))) return refuse(`The image "${target}" is in a hidden file or folder; those are never published.`);
  const extension = posix.extname(path).slice(1).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(extension)) {
    return refuse(`"${target}" is not an image the playbook publishes (${IMAGE_EXTENSIONS.join(", ")}); other files are never loaded from a persona or review note.`, "Link to documents with an http(s) URL, or convert the picture to PNG, JPEG, WebP, AVIF, GIF or SVG.");
  }
  const full = join(root, ...path.split("/"));
  let stat;
  try {
    stat = lstatSync(full);
  } catch {
    return refuse(`The image "${target}" does not exist (looked for ${path}).`);
  }
  if (stat.isSymbolicLink()) return refuse(`The image "${target}" is a symbolic link; the playbook publishes regular files only.`, "Copy the image into the workspace instead of linking to it.");
  if (!stat.isFile()) return refuse(`The image "${target}" is not a regular file.`);
  if (stat.size > MAX_IMAGE_BYTES) return refuse(`The image "${target}" is ${stat.size} bytes; the playbook publishes images of at most ${MAX_IMAGE_BYTES} bytes.`, "Resize or compress it.");
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return refuse(`The image "${target}" cannot be read.`);
  }
  if (!isInsideFolder(real, realpathSync(root))) return refuse(`The image "${target}" is in a folder that links outside the workspace; the playbook publishes files from the workspace only.`, "Copy the image into the workspace instead of linking to it.");
  const head = readHead(full, extension === "svg" ? stat.size : 32);
  if (!matchesType(extension, head)) return refuse(`The file "${target}" is not a ${extension.toUpperCase()} image: its content does not start like one.`, "Export the picture again in the format its extension names.");
  if (extension === "svg" && activeSvg(head.toString("utf8"))) {
    return refuse(`The SVG "${target}" contains script, event handlers, embedded HTML or external references, which the playbook does not publish.`, "Export a plain SVG (shapes and text only), or use PNG.");
  }
  return { ok: true, path };
}

function readHead(file: string, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  const fd = openSync(file, "r");
  try {
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function matchesType(extension: string, head: Buffer): boolean {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString("latin1");
  switch (extension) {
    case "png":
      return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case "jpg":
    case "jpeg":
      return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
    case "gif":
      return ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a";
    case "webp":
      return ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP";
    case "avif":
      return ascii(4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(8, 12));
    case "svg":
      return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>[]*>\s*)?<svg[\s>]/i.test(head.toString("utf8").replace(/^\uFEFF/, ""));
    default:
      return false;
  }
}

/** Anything in an SVG that could run or fetch when the file is opened on the playbook's origin. */
function activeSvg(text: string): boolean {
  return /<script|<foreignObject|<iframe|<embed|<object|<!ENTITY|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?!#)[a-z][a-z0-9+.-]*:|@import|url\(\s*["']?\s*(?!#)/i.test(text);
}
