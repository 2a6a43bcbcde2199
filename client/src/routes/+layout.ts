import type { LayoutLoad } from "./$types";
import { setUpI18n } from "#lib/i18n/index.ts";
import { loadCurrentUser } from "#lib/session.ts";

// A single-page app: Express serves build/index.html for every path, nothing renders on the server.
export const ssr = false;
export const prerender = false;

setUpI18n();

export const load: LayoutLoad = async ({ fetch }) => {
  const user = await loadCurrentUser(fetch);
  return { user };
};
