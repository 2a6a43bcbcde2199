import { createEvents, type EventAttributes, type EventStatus } from "ics";
import type { MeetingStatus } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Meeting, type AgendaItemDocument, type MeetingDocument } from "../models/Meeting.js";
import { can, type Actor } from "../policies/index.js";

/** The groups whose sessions a person's calendar shows: their own, or every group for those who read them all. */
export async function calendarGroups(actor: Actor): Promise<GroupDocument[]> {
  const filter = can(actor, "readAll", "Group", null) ? {} : { _id: anyOf([...actor.groups.keys()]) };
  return Group.find(filter).sort({ name: 1 }).lean();
}

const ICS_STATUS: Record<MeetingStatus, EventStatus> = {
  planned: "CONFIRMED",
  live: "CONFIRMED",
  closed: "CONFIRMED",
};

function agendaText(meeting: MeetingDocument): string {
  return (meeting.agenda as AgendaItemDocument[])
    .map((item) => {
      const speaker = item.speaker ? ` (${item.speaker})` : "";
      return `Dzień ${item.day}, ${item.startTime}–${item.endTime}: ${item.title}${speaker}`;
    })
    .join("\n");
}

/**
 * An iCal calendar with one event per session, spanning both days, in UTC. The UID is the
 * meeting's id, so a calendar app updates the event when the plan changes.
 */
export function meetingsCalendar(
  meetings: MeetingDocument[],
  groups: ReadonlyMap<string, GroupDocument>,
  options: { baseUrl: string; name: string },
): string {
  const events: EventAttributes[] = meetings.map((meeting) => {
    const group = groups.get(meeting.groupId.toString());
    const pageUrl = `${options.baseUrl}/spotkania/${meeting._id.toString()}`;
    const description = [meeting.description ?? "", agendaText(meeting), pageUrl].filter(Boolean).join("\n\n");
    return {
      uid: `meeting-${meeting._id.toString()}@forum-jst`,
      title: `${group?.name ?? "GWD"}: spotkanie ${meeting.number} – ${meeting.title}`,
      description,
      start: meeting.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: meeting.endsAt.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      location: meeting.venue || meeting.onlineUrl || undefined,
      url: meeting.onlineUrl ?? pageUrl,
      status: ICS_STATUS[meeting.status],
      lastModified: (meeting as { updatedAt?: Date }).updatedAt?.getTime(),
    };
  });
  const { error, value } = createEvents(events, { productId: "forum-jst/meetings", calName: options.name });
  if (error || value === null) throw error ?? new Error("iCal: nie udało się zbudować kalendarza");
  return value;
}

/** Every session of the given groups, in date order. */
export async function meetingsOfGroups(groups: GroupDocument[]): Promise<MeetingDocument[]> {
  if (groups.length === 0) return [];
  return Meeting.find({ groupId: anyOf(groups.map((group) => group._id)) })
    .sort({ startsAt: 1 })
    .lean();
}
