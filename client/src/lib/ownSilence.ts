import { get } from "svelte/store";
import { _ } from "svelte-i18n";
import { announce } from "./announcer";
import { followPeopleModeration } from "./realtime";
import { abilities } from "./session";

/** Keeps the signed-in person's silence (and so their composers) current while a page with a composer is open. */
export function followOwnSilence(): () => void {
  return followPeopleModeration({
    onSilenceChanged: (silence) => {
      abilities.update((current) => (current ? { ...current, silence } : current));
      announce(get(_)("people.silenced.changed"));
    },
  });
}
