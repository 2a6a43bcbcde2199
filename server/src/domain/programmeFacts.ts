import type { CohortFacts, CohortStatus, GroupFacts } from "@forum/shared";

/** A cohort's facts as its events record them. */
export const cohortFacts = (cohort: {
  name: string;
  description?: string | null;
  startsOn: string;
  endsOn: string;
  sessionCount: number;
  status: string;
}): CohortFacts => ({
  name: cohort.name,
  description: cohort.description ?? "",
  startsOn: cohort.startsOn,
  endsOn: cohort.endsOn,
  sessionCount: cohort.sessionCount,
  status: cohort.status as CohortStatus,
});

/** Only the fields that changed, before and after (what the audit log shows). */
export function changedFields<Facts extends CohortFacts | GroupFacts>(
  before: Facts,
  after: Facts,
): { before: Partial<Facts>; after: Partial<Facts> } {
  const was: Partial<Facts> = {};
  const now: Partial<Facts> = {};
  for (const key of Object.keys(after) as (keyof Facts)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}
