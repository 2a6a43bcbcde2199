import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

/** No more replies but from moderators; the reason is shown in the thread. */
export const threadLocker = (props: ThreadStateActor & { reason: string }): Promise<ThreadDocument> =>
  changeThreadState({
    ...props,
    name: "threads.lock",
    set: { lock: { reason: props.reason, byId: props.actorId, at: new Date() } },
  });
