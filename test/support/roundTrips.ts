import type mongoose from "mongoose";

/** One command the driver sent: its name, the collection it asked, how many documents came back. */
export interface SentCommand {
  name: string;
  collection: string;
  returned: number;
}

type Client = ReturnType<mongoose.Connection["getClient"]>;

/**
 * Counts the database round trips of a piece of work from the driver's command events (the connection must be
 * opened with `monitorCommands: true`). Used by the search benchmark and the search cost test: how many queries a
 * search makes, on which collection, and how much each returned, says what it costs on any engine.
 */
export async function recordRoundTrips<T>(
  client: Client,
  work: () => Promise<T>,
): Promise<{ result: T; commands: SentCommand[] }> {
  const pending = new Map<number, SentCommand>();
  const commands: SentCommand[] = [];
  const started = (event: { requestId: number; commandName: string; command: Record<string, unknown> }) => {
    const target = event.command[event.commandName];
    const command = { name: event.commandName, collection: typeof target === "string" ? target : "", returned: 0 };
    pending.set(event.requestId, command);
    commands.push(command);
  };
  const succeeded = (event: { requestId: number; reply: unknown }) => {
    const command = pending.get(event.requestId);
    if (!command) return;
    pending.delete(event.requestId);
    const reply = event.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } };
    command.returned = (reply.cursor?.firstBatch ?? reply.cursor?.nextBatch ?? []).length;
  };
  client.on("commandStarted", started);
  client.on("commandSucceeded", succeeded);
  try {
    return { result: await work(), commands };
  } finally {
    client.off("commandStarted", started);
    client.off("commandSucceeded", succeeded);
  }
}
