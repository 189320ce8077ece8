/** /search.json: the search index, written at build time. */
import type { APIRoute } from "astro";
import { model } from "virtual:seg/model";

export const GET: APIRoute = () => new Response(JSON.stringify(model.search), { headers: { "content-type": "application/json; charset=utf-8" } });
