import { EventEmitter } from "node:events";
import type { EventDocument } from "../models/Event.js";

/**
 * In-process fan-out of recorded events to live updates, notifications and indexing.
 * Listeners run after the change is stored; a failing listener never undoes it.
 */
class ForumEventBus extends EventEmitter {
  publish(event: EventDocument): void {
    this.emit("event", event);
  }
  subscribe(listener: (event: EventDocument) => void): () => void {
    this.on("event", listener);
    return () => this.off("event", listener);
  }
}

export const eventBus = new ForumEventBus();
// One listener per fan-out module (posts, moderation, rooms, notifications…), not per request or
// socket, so their number is fixed by the code; Node's default warning at 10 would be a false alarm.
eventBus.setMaxListeners(50);
