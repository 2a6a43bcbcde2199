import net from "node:net";

/** Host every local database listens on: loopback only, never a public interface. */
export const LOOPBACK = "127.0.0.1";

/** True when nothing listens on `port` and we may bind it on loopback. */
export function isPortFree(port: number, host = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * A loopback port that was free a moment ago. Tries `preferred` first (so `npm start`
 * keeps a stable address between runs), otherwise asks the OS for any free port.
 * Another process may still take it before we bind it; callers retry on bind failure.
 */
export async function findFreePort(preferred?: number, host = LOOPBACK): Promise<number> {
  if (preferred !== undefined && (await isPortFree(preferred, host))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("Nie udało się ustalić wolnego portu"));
      });
    });
  });
}

/** Resolves once a TCP connection to host:port succeeds. */
function tryConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export interface WaitForPortOptions {
  host?: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** Checked between attempts; when it returns a reason, waiting stops with that error. */
  abortReason?: () => string | undefined;
}

/** Polls until something accepts TCP connections on `port`, or throws after `timeoutMs`. */
export async function waitForPort(port: number, options: WaitForPortOptions = {}): Promise<void> {
  const { host = LOOPBACK, timeoutMs = 20_000, intervalMs = 50, abortReason } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abortReason?.();
    if (reason !== undefined) throw new Error(reason);
    if (await tryConnect(port, host)) return;
    if (Date.now() > deadline) {
      throw new Error(`Nic nie nasłuchuje na ${host}:${port} po ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
