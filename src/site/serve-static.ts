/* eslint max-lines-per-function: "off" -- serveStatic is one closure over the server's state, which its request handlers share. */
/**
 * A small static file server for a built playbook: what `seg preview` serves
 * and what the browser tests read. Serves the folder under the site's base
 * path, maps /x/ to /x/index.html, answers unknown paths with the site's 404
 * page, and never serves outside the folder. (`seg dev` serves from Astro's
 * dev server instead: api/dev.ts.)
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

export interface StaticServerOptions {
  /** The built site. May be replaced between requests (a build renames folders). */
  dir: string;
  /** The site's base path, e.g. /playbook; default /. */
  base?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface StaticServer {
  /** The site's URL, base included, with a trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".woff2": "font/woff2",
};

export async function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const base = `/${(options.base ?? "").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  });

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (!pathname.startsWith(base)) {
      if (pathname === "/" || pathname === base.slice(0, -1)) response.writeHead(302, { location: base }).end();
      else notFound(response, request.method === "HEAD");
      return;
    }
    const file = resolveFile(options.dir, pathname.slice(base.length));
    if (file === "redirect") {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!file) {
      notFound(response, request.method === "HEAD");
      return;
    }
    send(response, file, 200, request.method === "HEAD");
  }

  function resolveFile(dir: string, relative: string): string | "redirect" | undefined {
    const target = normalize(join(dir, relative));
    if (target !== normalize(dir) && !target.startsWith(normalize(dir) + sep)) return undefined;
    if (!existsSync(target)) return undefined;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      if (relative !== "" && !relative.endsWith("/")) return existsSync(join(target, "index.html")) ? "redirect" : undefined;
      const index = join(target, "index.html");
      return existsSync(index) ? index : undefined;
    }
    return stat.isFile() ? target : undefined;
  }

  function notFound(response: ServerResponse, head: boolean): void {
    const page = join(options.dir, "404.html");
    if (existsSync(page)) send(response, page, 404, head);
    else response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
  }

  function send(response: ServerResponse, file: string, status: number, head: boolean): void {
    const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    const headers = { "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff" };
    response.writeHead(status, headers);
    if (head) {
      response.end();
      return;
    }
    createReadStream(file).on("error", () => response.destroy()).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${base}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
