import { writable } from "svelte/store";
import type { UserSummary } from "@forum/shared/api";
import { api } from "./api";

/** The signed-in user, or null for a visitor. Set by the root layout and by login/logout. */
export const currentUser = writable<UserSummary | null>(null);

/** Asks the server who is signed in; a server that can't be reached counts as signed out. */
export async function loadCurrentUser(fetchFn: typeof fetch): Promise<UserSummary | null> {
  try {
    const { user } = await api.get<{ user: UserSummary | null }>("/auth/me", { fetch: fetchFn });
    currentUser.set(user);
    return user;
  } catch {
    currentUser.set(null);
    return null;
  }
}

export async function logIn(email: string, password: string): Promise<UserSummary> {
  const { user } = await api.post<{ user: UserSummary }>("/auth/login", { email, password });
  currentUser.set(user);
  return user;
}

export async function logOut(): Promise<void> {
  await api.post<void>("/auth/logout");
  currentUser.set(null);
}
