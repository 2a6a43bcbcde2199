import mongoose from "mongoose";
import {
  EVENT_LABELS,
  isEventName,
  type AuditActorView,
  type AuditChangeView,
  type AuditEntryView,
  type EventName,
} from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { JST_TYPE_NAMES } from "../domain/jstTypes.js";
import { Category } from "../models/Category.js";
import type { EventDocument } from "../models/Event.js";
import { Group } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { Thread } from "../models/Thread.js";
import { User } from "../models/User.js";
import { jstById, jstWithTeryt } from "../queries/jstCatalogue.js";

type Id = mongoose.Types.ObjectId;

const idsOf = (events: EventDocument[], pick: (event: EventDocument) => Id | null | undefined): Id[] => [
  ...new Map(
    events
      .map(pick)
      .filter((id): id is Id => Boolean(id))
      .map((id) => [id.toString(), id]),
  ).values(),
];

const byId = <Doc extends { _id: Id }>(docs: Doc[]) => new Map(docs.map((doc) => [doc._id.toString(), doc]));

/** A stored value written out for people: text as it is, dates in ISO, the rest as JSON. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Nested objects as dotted fields (`suspension.reason`), so a change reads field by field. */
function flatten(record: Record<string, unknown>, prefix = ""): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (isRecord(value))
      for (const [inner, innerValue] of flatten(value, `${prefix}${key}.`)) fields.set(inner, innerValue);
    else fields.set(`${prefix}${key}`, value);
  }
  return fields;
}

/** Event data as the collection returns it (a Mixed field: whatever was stored, for old events too). */
type StoredData = EventDocument["data"];

/**
 * What changed and why, as the events' table says each event is read (shared/src/eventLabels.ts): by default
 * `data.before`, `data.after` and `data.reason`. Typed by the name, so each event's reader gets that event's data;
 * an old or partial event shows what it has.
 */
function viewOf<Name extends EventName>(
  name: Name,
  data: StoredData,
): { before: unknown; after: unknown; reason: unknown } {
  const stored = isRecord(data) ? data : {};
  const presentation = EVENT_LABELS[name];
  const changed = presentation.changes ? presentation.changes(data ?? {}) : stored;
  return {
    before: changed.before,
    after: changed.after,
    reason: presentation.reason ? presentation.reason(data ?? {}) : stored.reason,
  };
}

/** The fields that differ between before and after, in the order they appear. */
export function changesOf(name: string, data: StoredData): AuditChangeView[] {
  const view = isEventName(name) ? viewOf(name, data) : { before: undefined, after: undefined };
  const before = flatten(isRecord(view.before) ? view.before : {});
  const after = flatten(isRecord(view.after) ? view.after : {});
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  return fields
    .map((field) => ({ field, before: asText(before.get(field)), after: asText(after.get(field)) }))
    .filter((change) => change.before !== change.after);
}

function reasonOf(name: string, data: StoredData): string | null {
  const reason = isEventName(name) ? viewOf(name, data).reason : null;
  return typeof reason === "string" && reason !== "" ? reason : null;
}

/** Fields that hold a JST by its TERYT code or its id: shown as the JST's name with its type, never the code. */
const JST_FIELDS: Record<string, (value: string) => ReturnType<typeof jstWithTeryt>> = {
  jstTeryt: (code) => jstWithTeryt(code),
  jstId: (id) => (mongoose.isObjectIdOrHexString(id) ? jstById(id) : Promise.resolve(null)),
};

async function withJstNames(changes: AuditChangeView[]): Promise<AuditChangeView[]> {
  const named = async (field: string, value: string | null): Promise<string | null> => {
    const find = JST_FIELDS[field];
    if (!find || value === null) return value;
    const jst = await find(value);
    return jst ? `${jst.name} (${JST_TYPE_NAMES[jst.type]})` : value;
  };
  return Promise.all(
    changes.map(async (change) => ({
      field: change.field,
      before: await named(change.field, change.before),
      after: await named(change.field, change.after),
    })),
  );
}

/** The legal pages' names, for their `pages.update` entries (the event keeps the slug). */
const SITE_PAGE_NAMES: Record<string, string> = {
  privacy: "Polityka prywatności",
  accessibility: "Deklaracja dostępności",
};

/**
 * A subject's name from what its event recorded, for subjects without a page of their own to look up (a practice's
 * or an analysis's title, a tag's or a file's name, a legal page): the log names what was done, never only its kind.
 */
function nameInData(data: StoredData): string | null {
  if (!isRecord(data)) return null;
  const after = isRecord(data.after) ? data.after : {};
  const before = isRecord(data.before) ? data.before : {};
  const pageName = typeof data.slug === "string" ? SITE_PAGE_NAMES[data.slug] : undefined;
  const found = [data.title, data.name, after.title, after.name, before.title, before.name, pageName].find(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  return found ?? null;
}

/** Audit entries with the names behind the ids (people, threads, groups), in a few queries. */
export async function presentAuditEntries(events: EventDocument[]): Promise<AuditEntryView[]> {
  const subjectIds = (type: string) => idsOf(events, (event) => (event.subjectType === type ? event.subjectId : null));
  const userIds = [...idsOf(events, (event) => event.actorId), ...subjectIds("User")];
  const threadIds = [...subjectIds("Thread"), ...idsOf(events, (event) => event.threadId)];
  const [users, threads, groups, categories, meetings] = await Promise.all([
    userIds.length ? User.find({ _id: anyOf(userIds) }, { name: 1, username: 1, role: 1 }).lean() : [],
    threadIds.length ? Thread.find({ _id: anyOf(threadIds) }, { title: 1 }).lean() : [],
    subjectIds("Group").length ? Group.find({ _id: anyOf(subjectIds("Group")) }, { name: 1, slug: 1 }).lean() : [],
    subjectIds("Category").length ? Category.find({ _id: anyOf(subjectIds("Category")) }, { name: 1 }).lean() : [],
    subjectIds("Meeting").length ? Meeting.find({ _id: anyOf(subjectIds("Meeting")) }, { title: 1 }).lean() : [],
  ]);
  const usersById = byId(users);
  const threadsById = byId(threads);
  const groupsById = byId(groups);
  const categoriesById = byId(categories);
  const meetingsById = byId(meetings);

  return Promise.all(
    events.map(async (event) => {
      const subjectKey = event.subjectId.toString();
      const actor = event.actorId ? usersById.get(event.actorId.toString()) : undefined;
      const actorView: AuditActorView | null = actor
        ? { id: actor._id.toString(), name: actor.name, username: actor.username, role: actor.role }
        : null;
      const subjectUser = event.subjectType === "User" ? usersById.get(subjectKey) : undefined;
      const group = event.subjectType === "Group" ? groupsById.get(subjectKey) : undefined;
      const threadId = event.subjectType === "Thread" ? event.subjectId : (event.threadId ?? null);
      const label =
        subjectUser?.name ??
        group?.name ??
        categoriesById.get(subjectKey)?.name ??
        meetingsById.get(subjectKey)?.title ??
        (threadId ? threadsById.get(threadId.toString())?.title : undefined) ??
        nameInData(event.data);
      return {
        id: event._id.toString(),
        name: event.name,
        createdAt: new Date(event.createdAt).toISOString(),
        actor: actorView,
        subject: {
          type: event.subjectType,
          id: subjectKey,
          label,
          threadId: threadId && threadsById.has(threadId.toString()) ? threadId.toString() : null,
          username: subjectUser?.username ?? null,
          slug: group?.slug ?? null,
        },
        changes: await withJstNames(changesOf(event.name, event.data)),
        reason: reasonOf(event.name, event.data),
        ip: event.ip ?? null,
      };
    }),
  );
}
