/** /_seg/playbook.<hash>.js: the playbook's script, as a plain file. */
import type { APIRoute, GetStaticPaths } from "astro";
import { model } from "virtual:seg/model";

export const getStaticPaths: GetStaticPaths = () => [{ params: { file: model.script.path.split("/").pop()! } }];

export const GET: APIRoute = () => new Response(model.script.code, { headers: { "content-type": "text/javascript; charset=utf-8" } });
