/* eslint max-lines-per-function: "off" -- serveStatic is one closure over the server's state: its request handler and the reload channel share it. */
/**
 * A small static file server for a built playbook: what `seg dev` serves and
 * what the browser tests read. Serves the folder under the site's base path,
 * maps /x/ to /x/index.html, answers unknown paths with the site's 404 page,
 * never serves outside the folder, and (for `seg dev`) can push a reload to
 * open pages when a rebuild finishes.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { allowScriptHash, scriptHash } from "./content-security-policy.ts";

export interface StaticServerOptions {
  /** The built site. May be replaced between requests (rebuilds rename folders). */
  dir: string;
  /** The site's base path, e.g. /playbook; default /. */
  base?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Inject a script into HTML pages that reloads them when `reload()` is called. */
  liveReload?: boolean;
}

export interface StaticServer {
  /** The site's URL, base included, with a trailing slash. */
  url: string;
  port: number;
  /** Tell open pages to reload (live reload only). */
  reload(): void;
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

const RELOAD_PATH = "/__seg/reload";
const RELOAD_CODE = `new EventSource(${JSON.stringify(RELOAD_PATH)}).onmessage = () => location.reload();`;
const RELOAD_SCRIPT = `<script>${RELOAD_CODE}</script>`;
/** The pages' Content-Security-Policy allows scripts by hash; the live-reload script's is added to it. */
const RELOAD_HASH = scriptHash(RELOAD_CODE);

export async function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const base = `/${(options.base ?? "").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  const clients = new Set<ServerResponse>();
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
    if (options.liveReload && url.pathname === RELOAD_PATH) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
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
    if (options.liveReload && type.startsWith("text/html")) {
      const html = readFileSync(file, "utf8");
      const allowed = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)"/i, (_, start: string, policy: string) => `${start}${allowScriptHash(policy, RELOAD_HASH)}"`);
      const body = allowed.includes("</body>") ? allowed.replace("</body>", `${RELOAD_SCRIPT}</body>`) : allowed + RELOAD_SCRIPT;
      response.writeHead(status, headers);
      response.end(head ? undefined : body);
      return;
    }
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
    reload: () => {
      for (const client of clients) client.write("data: reload\n\n");
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        clients.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
