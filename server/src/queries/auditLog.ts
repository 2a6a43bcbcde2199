import mongoose from "mongoose";
import { PERSONAL_EVENT_NAMES, SECURITY_EVENT_NAMES, type AuditQuery, type Role } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Event, type EventDocument } from "../models/Event.js";
import { User } from "../models/User.js";
import { nextDay, warsawMidnight } from "../domain/warsawTime.js";

const STAFF_ROLES: readonly Role[] = ["moderator", "admin"];

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export is one file; past this many rows the filter should be narrowed. */
export const AUDIT_EXPORT_LIMIT = 10_000;

/**
 * Which events are audit entries: anything done by a moderator or admin (their role when they
 * acted, or now for events recorded before roles were stored), plus account security events
 * whoever caused them; never a moderator's own reading, preferences or taking part in a live room.
 * Both lists come from the events' table (shared/src/eventLabels.ts: `security`, `personal`).
 */
export async function auditFilter(query: Omit<AuditQuery, "cursor">): Promise<Record<string, unknown>> {
  const staff = await User.find({ role: anyOf(STAFF_ROLES) }, { _id: 1 }).lean();
  const conditions: Record<string, unknown>[] = [
    {
      $or: [
        { actorRole: anyOf(STAFF_ROLES) },
        { actorId: anyOf(staff.map((user) => user._id)) },
        { name: anyOf(SECURITY_EVENT_NAMES) },
      ],
    },
    { name: mongoose.trusted({ $nin: PERSONAL_EVENT_NAMES }) },
  ];
  if (query.actor) conditions.push({ actorId: new mongoose.Types.ObjectId(query.actor) });
  if (query.action) conditions.push({ name: query.action });
  const createdAt: Record<string, Date> = {};
  if (query.from) createdAt.$gte = warsawMidnight(query.from);
  if (query.to) createdAt.$lt = warsawMidnight(nextDay(query.to));
  // Operators built here from validated dates; sanitizeFilter guards request values elsewhere.
  if (Object.keys(createdAt).length > 0) conditions.push({ createdAt: mongoose.trusted(createdAt) });
  return { $and: conditions };
}

/** One page, newest first; the cursor is the last entry's id. */
export async function auditPage(
  query: AuditQuery,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ events: EventDocument[]; nextCursor: string | null }> {
  const filter = await auditFilter(query);
  if (query.cursor) {
    (filter.$and as Record<string, unknown>[]).push({
      _id: mongoose.trusted({ $lt: new mongoose.Types.ObjectId(query.cursor) }),
    });
  }
  const events = await Event.find(filter)
    .sort({ _id: -1 })
    .limit(pageSize + 1)
    .lean<EventDocument[]>();
  const page = events.slice(0, pageSize);
  return { events: page, nextCursor: events.length > pageSize ? (page.at(-1)?._id.toString() ?? null) : null };
}

/** Everything the filter matches, newest first, up to the export limit. */
export async function auditExport(query: Omit<AuditQuery, "cursor">): Promise<EventDocument[]> {
  return Event.find(await auditFilter(query))
    .sort({ _id: -1 })
    .limit(AUDIT_EXPORT_LIMIT)
    .lean<EventDocument[]>();
}
