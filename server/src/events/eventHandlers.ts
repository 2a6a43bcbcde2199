import type { EventName, PublishedEvent } from "./forumEvent.js";

/**
 * Handlers keyed by event name, each typed by its own event: a table of them is how a subscriber says which
 * events it reacts to (mail, notification rules). `Context` is what the subscriber hands every handler.
 */
export type EventHandlers<Context, Result> = {
  [Name in EventName]?: (event: PublishedEvent<Name>, context: Context) => Result;
};

/** Whether the table has a handler for this event. */
export const handles = <Context, Result>(handlers: EventHandlers<Context, Result>, event: PublishedEvent): boolean =>
  handlers[event.name] !== undefined;

/**
 * Runs the table's handler for the event, if it has one. The name is passed beside the event so that TypeScript
 * pairs the handler of that name with the event of that name (no cast).
 */
export function dispatchEvent<Context, Result, Name extends EventName>(
  handlers: EventHandlers<Context, Result>,
  name: Name,
  event: PublishedEvent<Name>,
  context: Context,
): Result | undefined {
  const handler = handlers[name];
  return handler ? handler(event, context) : undefined;
}
