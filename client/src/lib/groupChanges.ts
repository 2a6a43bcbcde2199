import { get } from "svelte/store";
import { _ } from "svelte-i18n";
import { goto, invalidateAll } from "$app/navigation";
import { page } from "$app/state";
import { resolve } from "$app/paths";
import { announce } from "./announcer";
import { followGroupChanges } from "./realtime";

/**
 * While the person is signed in: when a moderator adds them to a group, removes them or moves them,
 * the pages reload their data at once (the group list, the home page) and a page of a group they
 * left gives way to their groups' list; a group being archived or restored reloads its pages
 * (banner on, composer gone). Announced politely, focus stays where it is.
 */
export function followOwnGroups(): () => void {
  return followGroupChanges({
    onGroupsChanged: (change) => {
      const t = get(_);
      if (change.joined) announce(t("programme.live.joined", { values: { name: change.joined.name } }));
      if (change.left) announce(t("programme.live.left", { values: { name: change.left.name } }));
      const leftSlug = change.left?.slug;
      if (leftSlug && page.url.pathname.startsWith(`/grupy/${leftSlug}`)) {
        void goto(resolve("/grupy"), { replace: true, invalidateAll: true });
        return;
      }
      void invalidateAll();
    },
    onArchived: ({ archived }) => {
      announce(get(_)(archived ? "programme.live.archived" : "programme.live.unarchived"));
      void invalidateAll();
    },
  });
}
