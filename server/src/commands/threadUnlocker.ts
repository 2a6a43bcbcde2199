import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

/** Lifts a moderator's lock; a closing date already passed is lifted with it (else unlocking would change nothing). */
export function threadUnlocker(props: ThreadStateActor): Promise<ThreadDocument> {
  const closed =
    props.thread.closesAt !== null && props.thread.closesAt !== undefined && props.thread.closesAt <= new Date();
  return changeThreadState({
    ...props,
    name: "threads.unlock",
    set: closed ? { lock: null, closesAt: null, closeReason: null } : { lock: null },
  });
}
