import mongoose, { type InferSchemaType } from "mongoose";
import { displayTextFields } from "./displayText.js";
import { MEETING_STATUSES } from "@forum/shared";

/** One point of a session's programme; day 1 or 2, times as "HH:MM" in Polish time. */
const agendaItemSchema = new mongoose.Schema({
  day: { type: Number, required: true, min: 1, max: 2 },
  startTime: { type: String, required: true },
  endTime: { type: String, required: true },
  title: { type: String, required: true },
  speaker: { type: String, default: "" },
  description: { type: String, default: "" },
  /** Materials (presentations, PDFs) uploaded as attachments. */
  attachmentIds: { type: [mongoose.Schema.Types.ObjectId], ref: "Attachment", default: [] },
});

/** What the live room is doing; set by the room's commands while the meeting is live. */
const roomSchema = new mongoose.Schema(
  {
    /** The session's day the room runs (1 or 2); closing a day pauses the room until the next opens. */
    day: { type: Number, enum: [1, 2], default: 1 },
    /** Set while the room is paused between days (chat and questions read-only). */
    dayClosedAt: { type: Date, default: null },
    openedAt: { type: Date, default: null },
    openedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    closedAt: { type: Date, default: null },
    /** Who closed the room: the archive thread is theirs, also when a retry after a crash finishes it. */
    closedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    /** The agenda item everyone sees highlighted. */
    currentAgendaItemId: { type: mongoose.Schema.Types.ObjectId, default: null },
    /** Seconds between two chat messages of one participant (0 = off); moderators are exempt. */
    slowModeSeconds: { type: Number, default: 0 },
    pinnedMessageId: { type: mongoose.Schema.Types.ObjectId, default: null },
    /** Participants who may listen but not write in the chat. */
    mutedUserIds: { type: [mongoose.Schema.Types.ObjectId], default: [] },
    /** Who besides moderators may edit the minutes. */
    noteTakerId: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    /** Experts let into this room (experts read every group, but join a room only when invited). */
    invitedExpertIds: { type: [mongoose.Schema.Types.ObjectId], default: [] },
    /** Last chat sequence number given out ($inc), so messages have one order across processes. */
    lastSeq: { type: Number, default: 0 },
  },
  { _id: false },
);

/** The minutes (protokół) taken live in markdown; `version` grows by one on each save. */
const minutesSchema = new mongoose.Schema(
  {
    markdown: { type: String, default: "" },
    html: { type: String, default: "" },
    version: { type: Number, default: 0 },
    updatedAt: { type: Date, default: null },
    updatedById: { type: mongoose.Schema.Types.ObjectId, ref: "User", default: null },
    /** The editor's name at the time of saving, so the pushes and the snapshot need no lookup. */
    updatedByName: { type: String, default: "" },
  },
  { _id: false },
);

/** One of a GWD group's nine two-day sessions: its plan, its live room and what was kept of it. */
const meetingSchema = new mongoose.Schema(
  {
    groupId: { type: mongoose.Schema.Types.ObjectId, ref: "Group", required: true },
    /** Session number, 1 to the group's number of sessions (its cohort's; the routes check that bound). */
    number: { type: Number, required: true, min: 1 },
    title: { type: String, required: true },
    /** Start of day 1 and end of day 2. */
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    venue: { type: String, default: "" },
    onlineUrl: { type: String, default: null },
    description: { type: String, default: "" },
    status: { type: String, enum: MEETING_STATUSES, default: "planned" },
    /** After this instant members' sign-ups are closed (a moderator may still answer for them); null = open. */
    registrationClosesAt: { type: Date, default: null },
    agenda: { type: [agendaItemSchema], default: [] },
    room: { type: roomSchema, default: () => ({}) },
    minutes: { type: minutesSchema, default: () => ({}) },
    /** The read-only thread the room was archived into when it closed. */
    archiveThreadId: { type: mongoose.Schema.Types.ObjectId, ref: "Thread", default: null },
  },
  { timestamps: true },
);
meetingSchema.index({ groupId: 1, number: 1 }, { unique: true });
meetingSchema.index({ startsAt: 1 });

displayTextFields(meetingSchema, ["title"]);
export type MeetingDocument = InferSchemaType<typeof meetingSchema> & { _id: mongoose.Types.ObjectId };
export type AgendaItemDocument = InferSchemaType<typeof agendaItemSchema> & { _id: mongoose.Types.ObjectId };
export const Meeting = mongoose.model("Meeting", meetingSchema, "meetings");
