import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

/** From `closesAt` on the thread behaves as locked (checked when read); null cancels the closing. */
export const threadCloseScheduler = (
  props: ThreadStateActor & { closesAt: Date | null; reason: string },
): Promise<ThreadDocument> =>
  changeThreadState({
    ...props,
    name: "threads.scheduleClose",
    set: { closesAt: props.closesAt, closeReason: props.closesAt && props.reason ? props.reason : null },
    reason: props.reason || null,
  });
