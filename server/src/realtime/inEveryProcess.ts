import type { Logger } from "../logger.js";
import type { ForumIo } from "./socketServer.js";

/** The one server-side event between processes: run the named task on your own connections. */
export interface ClusterEvents {
  "local.task": (name: string, payload: unknown) => void;
}

type LocalTask = (io: ForumIo, payload: unknown) => Promise<void>;

const tasks = new Map<string, LocalTask>();
const clusteredServers = new WeakSet<ForumIo>();

/**
 * Work on open connections that needs each connection's own state (its actor: a policy check, or a
 * change to it) must run in the process holding the connection: with the Redis adapter,
 * fetchSockets() returns other processes' connections as copies (their actor's Map is gone, a
 * change to it is lost). A task defined here runs in this process at once and, with the Redis
 * adapter, in every other one; its handler should look only at `io.local` connections.
 * The payload crosses processes as JSON: strings, numbers, plain objects (no Date, Map or ObjectId).
 */
export function inEveryProcess<Payload>(
  name: string,
  handler: (io: ForumIo, payload: Payload) => Promise<void>,
): (io: ForumIo, payload: Payload) => Promise<void> {
  if (tasks.has(name)) throw new Error(`task ${name} defined twice`);
  tasks.set(name, handler as LocalTask);
  return (io, payload) => {
    if (clusteredServers.has(io)) io.serverSideEmit("local.task", name, payload);
    return handler(io, payload);
  };
}

/** Called once per server: with the Redis adapter, runs the tasks other processes ask for. */
export function listenForTasks(io: ForumIo, logger: Logger, clustered: boolean): void {
  if (!clustered) return;
  clusteredServers.add(io);
  io.on("local.task", (name, payload) => {
    const task = tasks.get(name);
    if (!task) return logger.warn({ task: name }, "unknown task from another process");
    task(io, payload).catch((error: unknown) =>
      logger.error({ err: error, task: name }, "task from another process failed"),
    );
  });
}
