import { Group } from "../../server/src/models/Group.js";
import { Meeting } from "../../server/src/models/Meeting.js";
import { User } from "../../server/src/models/User.js";

/** Puts one of a group's seeded sessions live (as opening its room would) and answers its id. */
export async function liveMeeting(number: number, groupSlug = "gwd-malopolska"): Promise<string> {
  const group = await Group.findOne({ slug: groupSlug }).lean();
  if (!group) throw new Error(`no group ${groupSlug}`);
  const meeting = await Meeting.findOneAndUpdate(
    { groupId: group._id, number },
    { $set: { status: "live", "room.openedAt": new Date() } },
    { returnDocument: "after" },
  ).lean();
  if (!meeting) throw new Error(`no meeting ${number} in ${groupSlug}`);
  return meeting._id.toString();
}

/** A seeded session left as planned (its room not open). */
export async function plannedMeeting(number: number, groupSlug = "gwd-malopolska"): Promise<string> {
  const group = await Group.findOne({ slug: groupSlug }).lean();
  const meeting = await Meeting.findOne({ groupId: group?._id, number }).lean();
  if (!meeting) throw new Error(`no meeting ${number} in ${groupSlug}`);
  await Meeting.updateOne({ _id: meeting._id }, { $set: { status: "planned" } });
  return meeting._id.toString();
}

/** Mutes (or unmutes) a person in a meeting's room, as the moderator's control would. */
export async function setMuted(meetingId: string, email: string, muted: boolean): Promise<string> {
  const user = await User.findOne({ email }).lean();
  if (!user) throw new Error(`no user ${email}`);
  await Meeting.updateOne(
    { _id: meetingId },
    muted ? { $addToSet: { "room.mutedUserIds": user._id } } : { $set: { "room.mutedUserIds": [] } },
  );
  return user._id.toString();
}
