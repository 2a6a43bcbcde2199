import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

export const threadUnpinner = (props: ThreadStateActor): Promise<ThreadDocument> =>
  changeThreadState({ ...props, name: "threads.unpin", set: { pin: null } });
