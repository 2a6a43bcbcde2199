import { writable } from "svelte/store";
import type { Abilities, UserSummary } from "@forum/shared/api";
import { forgetCsrfToken } from "./api";
import { callEndpoint, endpoints } from "./endpoints";

/** The signed-in user, or null for a visitor. Set by the root layout and by login/logout. */
export const currentUser = writable<UserSummary | null>(null);

/** What the signed-in user may do (moderator screens, invitations); null for a visitor. */
export const abilities = writable<Abilities | null>(null);

/** Asks the server who is signed in; a server that can't be reached counts as signed out. */
export async function loadCurrentUser(fetchFn: typeof fetch): Promise<UserSummary | null> {
  try {
    const me = await callEndpoint(endpoints.auth.me, {}, { fetch: fetchFn });
    currentUser.set(me.user);
    abilities.set(me.abilities);
    return me.user;
  } catch {
    currentUser.set(null);
    abilities.set(null);
    return null;
  }
}

/** After a sign-in made elsewhere (invitation accepted): new session, so a new CSRF token. */
export function signedIn(user: UserSummary): void {
  forgetCsrfToken();
  currentUser.set(user);
}

export async function logIn(email: string, password: string): Promise<UserSummary> {
  const { user } = await callEndpoint(endpoints.auth.login, { body: { email, password } });
  signedIn(user);
  return user;
}

export async function logOut(): Promise<void> {
  await callEndpoint(endpoints.auth.logout);
  signedOut();
}

/** The session is gone (signed out, or the current session revoked from the profile). */
export function signedOut(): void {
  forgetCsrfToken();
  currentUser.set(null);
  abilities.set(null);
}
