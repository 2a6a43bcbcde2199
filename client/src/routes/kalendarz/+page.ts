import type { PageLoad } from "./$types";
import { callEndpoint, endpoints } from "#lib/endpoints.ts";
import { loadFromApi } from "#lib/load.ts";
import { currentMonth } from "#lib/meetings.ts";

export const load: PageLoad = ({ fetch, url }) => {
  const requested = url.searchParams.get("miesiac") ?? "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : currentMonth();
  return loadFromApi(url, () => callEndpoint(endpoints.meetings.calendar, { query: { month } }, { fetch }));
};
