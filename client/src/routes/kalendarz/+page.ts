import type { PageLoad } from "./$types";
import type { CalendarMonthView } from "@forum/shared/meetingPlanning";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";
import { currentMonth } from "#lib/meetings.ts";

export const load: PageLoad = ({ fetch, url }) => {
  const requested = url.searchParams.get("miesiac") ?? "";
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : currentMonth();
  return loadFromApi(url, () => api.get<CalendarMonthView>(`/calendar?month=${month}`, { fetch }));
};
