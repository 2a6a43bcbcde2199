import type { PageLoad } from "./$types";
import type { ProfileView, SessionView } from "@forum/shared/api";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = async ({ fetch, url }) => {
  const [profile, { sessions }] = await Promise.all([
    loadFromApi(url, () => api.get<ProfileView>("/me/profile", { fetch })),
    loadFromApi(url, () => api.get<{ sessions: SessionView[] }>("/me/sessions", { fetch })),
  ]);
  return { profile, sessions };
};
