import { invalidate } from "$app/navigation";
import type { ThreadActivity } from "@forum/shared/realtime";
import { followActivity } from "./realtime";

/** The load functions that show unread counts depend on this; a gap in live updates reloads them. */
export const UNREAD_DEPENDENCY = "forum:unread";

/**
 * Live unread counts for a page: `onActivity` for each post written where the user reads (the page
 * updates its own counts), and a reload of the page's data when the connection missed some.
 * Call from an $effect and return what it returns.
 */
export function followUnread(onActivity: (activity: ThreadActivity) => void): () => void {
  return followActivity({ onActivity, onGap: () => void invalidate(UNREAD_DEPENDENCY) });
}
