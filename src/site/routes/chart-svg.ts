/** /charts/<id>.svg: each chart, rendered to SVG before the build. */
import type { APIRoute, GetStaticPaths } from "astro";
import { model } from "virtual:seg/model";

export const getStaticPaths: GetStaticPaths = () => Object.keys(model.charts).map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params }) => {
  const chart = model.charts[params.id ?? ""];
  return chart ? new Response(chart.svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } }) : new Response(null, { status: 404 });
};
