import { EventEmitter } from "node:events";
import type { PublishedEvent } from "../events/forumEvent.js";

/**
 * In-process fan-out of recorded events to live updates, notifications and indexing.
 * Listeners run after the change is stored; a failing listener never undoes it.
 * Each listener gets the typed union (events/forumEvent.ts) and narrows it by `event.name`.
 */
class ForumEventBus extends EventEmitter {
  publish(event: PublishedEvent): void {
    this.emit("event", event);
  }
  subscribe(listener: (event: PublishedEvent) => void): () => void {
    this.on("event", listener);
    return () => this.off("event", listener);
  }
}

export const eventBus = new ForumEventBus();
// One listener per fan-out module (posts, moderation, rooms, notifications…), not per request or
// socket, so their number is fixed by the code; Node's default warning at 10 would be a false alarm.
eventBus.setMaxListeners(50);
