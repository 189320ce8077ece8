declare module "virtual:seg/model" {
  export const model: import("./model/site-model.ts").SiteModel;
}
