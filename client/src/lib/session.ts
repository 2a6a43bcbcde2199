import { writable } from "svelte/store";
import type { Abilities, MeResponse, UserSummary } from "@forum/shared/api";
import { api, forgetCsrfToken } from "./api";

/** The signed-in user, or null for a visitor. Set by the root layout and by login/logout. */
export const currentUser = writable<UserSummary | null>(null);

/** What the signed-in user may do (moderator screens, invitations); null for a visitor. */
export const abilities = writable<Abilities | null>(null);

/** Asks the server who is signed in; a server that can't be reached counts as signed out. */
export async function loadCurrentUser(fetchFn: typeof fetch): Promise<UserSummary | null> {
  try {
    const me = await api.get<Partial<MeResponse>>("/auth/me", { fetch: fetchFn });
    currentUser.set(me.user ?? null);
    abilities.set(me.abilities ?? null);
    return me.user ?? null;
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
  const { user } = await api.post<{ user: UserSummary }>("/auth/login", { email, password });
  signedIn(user);
  return user;
}

export async function logOut(): Promise<void> {
  await api.post<void>("/auth/logout");
  signedOut();
}

/** The session is gone (signed out, or the current session revoked from the profile). */
export function signedOut(): void {
  forgetCsrfToken();
  currentUser.set(null);
  abilities.set(null);
}
