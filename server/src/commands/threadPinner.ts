import type { PinScope } from "@forum/shared";
import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

/** Pins a thread to its category's top (or, "global", also to everyone's home page) until `until`. */
export const threadPinner = (
  props: ThreadStateActor & { scope: PinScope; until: Date | null },
): Promise<ThreadDocument> =>
  changeThreadState({
    ...props,
    name: "threads.pin",
    set: { pin: { scope: props.scope, until: props.until, byId: props.actorId, at: new Date() } },
  });
