import { error, redirect } from "@sveltejs/kit";
import { resolve } from "$app/paths";
import { get } from "svelte/store";
import { loginTarget } from "./links";
import { abilities, currentUser } from "./session";

/**
 * Moderator screens: a visitor is sent to sign in first; a signed-in member who opens one by
 * its address sees "Brak dostępu" (the API answers them 404, which would read "no such page").
 * Call after `await parent()` so the layout has loaded who is signed in.
 */
export function requireManageUsers(url: URL): void {
  if (!get(currentUser)) redirect(303, resolve(...loginTarget(url.pathname + url.search)));
  if (!get(abilities)?.manageUsers) error(403, { message: "", code: "forbidden" });
}

/** The programme screens (cohorts, groups, onboarding): the same flow, decided by the `manageProgramme` ability. */
export function requireManageProgramme(url: URL): void {
  if (!get(currentUser)) redirect(303, resolve(...loginTarget(url.pathname + url.search)));
  if (!get(abilities)?.manageProgramme) error(403, { message: "", code: "forbidden" });
}
