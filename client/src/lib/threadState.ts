import type { ThreadSummary } from "@forum/shared/api";

/** A category's list as the server orders it: pinned threads first (in their order), then by latest activity. */
export function pinnedFirst<Thread extends ThreadSummary>(threads: Thread[]): Thread[] {
  const pinned = threads.filter((thread) => thread.pin);
  const rest = threads.filter((thread) => !thread.pin).sort((a, b) => b.lastPostAt.localeCompare(a.lastPostAt));
  return [...pinned, ...rest];
}

/** `<input type="datetime-local">`'s value (local time) as ISO; empty → null; unparsable stays as typed (the schema refuses it). */
export function isoFromLocalInput(value: string): string | null {
  if (value.trim() === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An ISO date as `<input type="datetime-local">` wants it (local time, minutes). */
export function localInputFromIso(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (part: number) => String(part).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** setTimeout's longest delay; a closing further away is checked again on the next visit. */
const LONGEST_TIMER_MS = 2_147_483_647;

/** Calls `onClosed` when the thread's planned closing comes while the page is open; returns the cancel. */
export function whenClosing(closesAt: string | null, onClosed: () => void): () => void {
  if (!closesAt) return () => undefined;
  const delay = new Date(closesAt).getTime() - Date.now();
  if (delay > LONGEST_TIMER_MS) return () => undefined;
  // A moment after the server's clock passes it too.
  const timer = setTimeout(onClosed, Math.max(0, delay) + 1_000);
  return () => clearTimeout(timer);
}
