import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkPort, listenProblem } from "./check-port.ts";
import { SegError } from "../diagnostics/seg-error.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port some other server holds. */
async function busyPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("checkPort", () => {
  it("lets a free port go again once it could be bound", async () => {
    const port = await busyPort();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await checkPort("127.0.0.1", port);
    await checkPort("127.0.0.1", port);
  });

  it("accepts port 0, which picks a free port", async () => {
    await expect(checkPort("127.0.0.1", 0)).resolves.toBeUndefined();
  });

  it("says a port in use is in use, and how to pick another", async () => {
    const port = await busyPort();
    const error = await checkPort("127.0.0.1", port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegError);
    expect((error as SegError).message).toBe(`port ${port} on 127.0.0.1 is in use. Stop the other server or pick another port with --port (0 picks a free one).`);
  });

  it("says a host that is not this machine's cannot be listened on", async () => {
    const error = await checkPort("192.0.2.1", 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegError);
    expect((error as SegError).message).toMatch(/^192\.0\.2\.1 is not an address of this machine.*--host 127\.0\.0\.1/);
  });
});

describe("listenProblem", () => {
  it("leaves errors the user cannot fix to the caller", () => {
    expect(listenProblem(Object.assign(new Error("boom"), { code: "EMFILE" }), "127.0.0.1", 80)).toBeUndefined();
    expect(listenProblem(new Error("boom"), "127.0.0.1", 80)).toBeUndefined();
  });

  it("explains a privileged port", () => {
    expect(listenProblem(Object.assign(new Error("denied"), { code: "EACCES" }), "127.0.0.1", 80)?.message).toMatch(/^port 80 on 127\.0\.0\.1 needs privileges/);
  });
});
