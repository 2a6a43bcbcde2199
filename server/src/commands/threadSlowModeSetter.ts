import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

/** Minimum seconds between one person's posts in the thread (0 = off); moderators are exempt. */
export const threadSlowModeSetter = (props: ThreadStateActor & { seconds: number }): Promise<ThreadDocument> =>
  changeThreadState({ ...props, name: "threads.setSlowMode", set: { slowModeSeconds: props.seconds } });
