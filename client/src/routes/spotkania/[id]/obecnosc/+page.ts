import type { PageLoad } from "./$types";
import type { AttendanceReport } from "@forum/shared/attendance";
import { api } from "#lib/api.ts";
import { loadFromApi } from "#lib/load.ts";

export const load: PageLoad = ({ fetch, url, params }) =>
  loadFromApi(url, () => api.get<AttendanceReport>(`/meetings/${encodeURIComponent(params.id)}/attendance`, { fetch }));
