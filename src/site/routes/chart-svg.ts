/** /charts/<id>.svg and /charts/<id>--narrow.svg: each chart and its phone variant, rendered to SVG before the build. */
import type { APIRoute, GetStaticPaths } from "astro";
import { model } from "virtual:seg/model";

const svgs = new Map(Object.values(model.charts).flatMap((chart) => [[chart.id, chart.svg] as const, ...(chart.narrow ? [[`${chart.id}--narrow`, chart.narrow.svg] as const] : [])]));

export const getStaticPaths: GetStaticPaths = () => [...svgs.keys()].map((id) => ({ params: { id } }));

export const GET: APIRoute = ({ params }) => {
  const svg = svgs.get(params.id ?? "");
  return svg ? new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8" } }) : new Response(null, { status: 404 });
};
