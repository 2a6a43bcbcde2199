import { get } from "svelte/store";
import type { PageLoad } from "./$types";
import type { PersonView } from "@forum/shared/notifications";
import type { PersonModerationView } from "@forum/shared/schemas/people";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { abilities } from "#lib/session.ts";

export const load: PageLoad = async ({ fetch, params, url, parent }) => {
  await parent();
  const path = `/people/${encodeURIComponent(params.username)}`;
  const { person } = await loadFromApi(url, () => api.get<{ person: PersonView }>(path, { fetch }));
  // Moderators also get the person's moderation state, notes and history.
  const moderation = get(abilities)?.manageUsers
    ? (await api.get<{ moderation: PersonModerationView }>(`${path}/moderation`, { fetch })).moderation
    : null;
  return { person, moderation };
};
