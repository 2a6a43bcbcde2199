import { get } from "svelte/store";
import { _ } from "svelte-i18n";
import type { TagView, ThreadStateView } from "@forum/shared/api";
import type { ThreadUpdate } from "@forum/shared/realtime";
import { announce } from "./announcer";

/** Says politely what a moderator changed in the open thread (the one change that matters most). */
export function announceThreadUpdate(
  before: { title: string; tags: TagView[]; state: ThreadStateView },
  update: Pick<ThreadUpdate, "title" | "state">,
  isModerator: boolean,
): void {
  const t = get(_);
  const was = before.state;
  const now = update.state;
  if (now.lock && !was.lock) {
    const key = now.lock.closed ? "threadState.live.closed" : "threadState.live.locked";
    return announce(t(key, { values: { reason: now.lock.reason } }));
  }
  if (!now.lock && was.lock) return announce(t("threadState.live.unlocked"));
  if (update.title !== before.title)
    return announce(t("threadState.live.renamed", { values: { title: update.title } }));
  if (now.slowModeSeconds !== was.slowModeSeconds) {
    return announce(
      now.slowModeSeconds > 0
        ? t("threadState.live.slowMode", { values: { seconds: now.slowModeSeconds } })
        : t("threadState.live.slowModeOff"),
    );
  }
  if (Boolean(now.pin) !== Boolean(was.pin)) {
    return announce(
      t(now.pin ? "threadState.live.pinned" : "threadState.live.unpinned", { values: { title: update.title } }),
    );
  }
  // The moderator who made the change heard about it already from the tools.
  if (!isModerator) announce(t("threadState.live.changed"));
}
