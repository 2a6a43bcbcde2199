import { writable } from "svelte/store";

/**
 * Text for the layout's polite live region. Screen readers read it out without focus
 * moving anywhere. Clearing first makes a repeated message ("Wpis dodany" twice) be read again.
 */
export const announcement = writable("");

export function announce(message: string): void {
  announcement.set("");
  setTimeout(() => announcement.set(message), 100);
}
