import net from "node:net";
import { findFreePort, isPortFree, waitForPort } from "./freePort.js";

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe("findFreePort", () => {
  test("returns a port nothing listens on", async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
  });

  test("keeps the preferred port when it is free", async () => {
    const free = await findFreePort();
    expect(await findFreePort(free)).toBe(free);
  });

  test("picks another port when the preferred one is taken", async () => {
    const server = await listen(0);
    const taken = (server.address() as net.AddressInfo).port;
    try {
      expect(await isPortFree(taken)).toBe(false);
      const port = await findFreePort(taken);
      expect(port).not.toBe(taken);
    } finally {
      await close(server);
    }
  });
});

describe("waitForPort", () => {
  test("resolves once something starts listening", async () => {
    const port = await findFreePort();
    let server: net.Server | undefined;
    setTimeout(() => {
      void listen(port).then((started) => (server = started));
    }, 150);
    const startedAt = Date.now();
    await waitForPort(port, { timeoutMs: 5_000, intervalMs: 20 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(100);
    await close(server!);
  });

  test("gives up after the timeout", async () => {
    const port = await findFreePort();
    await expect(waitForPort(port, { timeoutMs: 200, intervalMs: 20 })).rejects.toThrow(String(port));
  });

  test("stops at once when the abort reason appears", async () => {
    const port = await findFreePort();
    await expect(waitForPort(port, { timeoutMs: 10_000, abortReason: () => "process exited" })).rejects.toThrow(
      "process exited",
    );
  });
});
