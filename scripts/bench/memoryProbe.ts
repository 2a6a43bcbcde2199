/**
 * Loaded into the server process by the live-room benchmark only (`node --expose-gc --import …`):
 * answers the benchmark's "memory" message over the IPC channel with the process's memory after a
 * full garbage collection. No HTTP endpoint, nothing in the server's own code.
 */
export interface MemoryReading {
  rssBytes: number;
  heapUsedBytes: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

if (process.send) {
  process.on("message", (message: unknown) => {
    if (message !== "memory") return;
    collect?.();
    const usage = process.memoryUsage();
    const reading: MemoryReading = { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed };
    process.send?.(reading);
  });
  // The channel must not keep the server alive at shutdown.
  process.channel?.unref();
}
