declare module "virtual:seg/model" {
  export const model: import("./model/site-model.ts").SiteModel;
  /** Under seg dev, the script that reloads the page when the workspace changes; null in a build. */
  export const liveReload: import("./live-playbook.ts").LiveReloadScript | null;
}
