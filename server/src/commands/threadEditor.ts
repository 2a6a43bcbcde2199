import type { ThreadDocument } from "../models/Thread.js";
import { changeThreadState, type ThreadStateActor } from "./support/threadStateChange.js";

/** A moderator's rename and/or re-tag (tags already checked against the taxonomy). */
export function threadEditor(props: ThreadStateActor & { title?: string; tags?: string[] }): Promise<ThreadDocument> {
  return changeThreadState({
    ...props,
    name: "threads.edit",
    set: {
      ...(props.title !== undefined ? { title: props.title } : {}),
      ...(props.tags !== undefined ? { tags: props.tags } : {}),
    },
  });
}
