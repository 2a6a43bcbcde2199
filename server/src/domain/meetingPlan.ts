import { warsawToUtc, type MeetingInput } from "@forum/shared";
import type { MeetingPlan } from "../commands/meetingUpdater.js";

/** The form's Polish dates and times as the stored plan (UTC instants: start of day 1, end of day 2). */
export const meetingPlanFrom = (input: MeetingInput): MeetingPlan => ({
  number: input.number,
  title: input.title,
  startsAt: warsawToUtc(input.firstDay, input.startTime),
  endsAt: warsawToUtc(input.secondDay, input.endTime),
  venue: input.venue,
  onlineUrl: input.onlineUrl === "" ? null : input.onlineUrl,
  description: input.description,
  // The sign-up closes at the end of the Polish day the planner chose.
  registrationClosesAt: input.registrationClosesOn === "" ? null : warsawToUtc(input.registrationClosesOn, "23:59"),
});
