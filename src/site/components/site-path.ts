/**
 * A site path with the base path in front: sitePath("/segments/") is
 * "/playbook/segments/" under --base /playbook. The base comes with the page
 * data rather than from Vite's environment, so pages render the same however
 * the build is run.
 */
import { model } from "virtual:seg/model";

export function sitePath(path: string): string {
  return `${model.base}${path}`;
}
