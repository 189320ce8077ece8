/**
 * Whether `seg dev` can listen where it was asked to, found out before it
 * spends seconds building: the port is bound for a moment and let go. A port
 * in use, a privileged port or a host that is not this machine's is a usage
 * error (exit 2) that says what to do instead.
 */
import { createServer } from "node:net";
import { SegError } from "../diagnostics/seg-error.ts";

/** Resolves when host:port can be listened on; throws a SegError when it cannot for a reason the user can fix. */
export async function checkPort(host: string, port: number): Promise<void> {
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host, port, exclusive: true }, () => resolve());
    });
  } catch (error) {
    throw listenProblem(error, host, port) ?? error;
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The SegError for an error from listening on host:port, or undefined when it is not the user's to fix. */
export function listenProblem(error: unknown, host: string, port: number): SegError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EADDRINUSE":
      return new SegError(`port ${port} on ${host} is in use. Stop the other server or pick another port with --port (0 picks a free one).`);
    case "EACCES":
      return new SegError(`port ${port} on ${host} needs privileges Seg does not have (ports below 1024 usually do). Pick another port with --port, e.g. --port 4321 (0 picks a free one).`);
    case "EADDRNOTAVAIL":
      return new SegError(`${host} is not an address of this machine, so Seg cannot listen on it. Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (all its addresses).`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new SegError(`--host ${host} does not name an address Seg can listen on. Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (all its addresses).`);
    default:
      return undefined;
  }
}
