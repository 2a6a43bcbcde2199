import { writable } from "svelte/store";
import type { ModerationQueueCounts } from "@forum/shared/moderation";
import { callEndpoint, endpoints } from "./endpoints";

/** What waits in the moderation queues; null until known (and for everyone but staff). */
export const moderationQueues = writable<ModerationQueueCounts | null>(null);

const REFRESH_MILLISECONDS = 60_000;

export async function refreshModerationQueues(): Promise<void> {
  moderationQueues.set(await callEndpoint(endpoints.moderation.queues));
}

/**
 * Keeps the counts fresh while a moderator has the app open: at once, every minute while the tab
 * is visible, and when the tab comes back into view. Returns the function that stops it.
 */
export function followModerationQueues(onError: () => void = () => undefined): () => void {
  const refresh = () => {
    if (document.visibilityState === "visible") refreshModerationQueues().catch(onError);
  };
  refresh();
  const timer = setInterval(refresh, REFRESH_MILLISECONDS);
  document.addEventListener("visibilitychange", refresh);
  window.addEventListener("focus", refresh);
  return () => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", refresh);
    window.removeEventListener("focus", refresh);
  };
}
