import { createHash } from "node:crypto";
import type mongoose from "mongoose";
import { categoryCreator } from "../commands/categoryCreator.js";
import { cohortCreator } from "../commands/cohortCreator.js";
import { groupCreator, NEW_GROUP_CATEGORIES } from "../commands/groupCreator.js";
import { Cohort, type CohortDocument } from "../models/Cohort.js";
import { groupMemberAdder } from "../commands/groupMemberAdder.js";
import { postCreator } from "../commands/postCreator.js";
import { threadCreator } from "../commands/threadCreator.js";
import { userCreator } from "../commands/userCreator.js";
import { Category, type CategoryDocument } from "../models/Category.js";
import { Group, type GroupDocument } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { meetingScheduler } from "../commands/meetingScheduler.js";
import { agendaSetter } from "../commands/agendaSetter.js";
import { DEFAULT_SESSION_COUNT, warsawDateTime, warsawToUtc } from "@forum/shared";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { User } from "../models/User.js";
import { hashPassword } from "../infra/passwords.js";
import {
  DEMO_GROUPS,
  DEMO_MEETING_TOPICS,
  DEMO_PASSWORD,
  DEMO_THREADS,
  DEMO_USERS,
  GROUP_CATEGORIES,
  NETWORK_CATEGORIES,
  demoAgenda,
  type DemoCategory,
  type DemoGroup,
} from "./demoData.js";
import { importTaxonomy } from "./importTaxonomy.js";
import { seedAnalyses } from "./seedAnalyses.js";
import { importTeryt } from "./importTeryt.js";
import { seedTags } from "./seedTags.js";
import { jstWithTeryt } from "../queries/jstCatalogue.js";
import { seedPractices } from "./seedPractices.js";
import { seedNetwork } from "./seedNetwork.js";

export interface SeedReport {
  jsts: { total: number; inserted: number };
  created: { users: number; groups: number; categories: number; threads: number; posts: number; meetings: number };
  logins: { email: string; role: string; password: string }[];
}

/** A stable UUID-shaped id, so that re-seeding finds the posts it made before. */
function stableClientId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const daysAgo = (days: number, now: Date, offsetMinutes: number): Date =>
  new Date(now.getTime() - days * 86_400_000 + offsetMinutes * 60_000);

async function jstIdByTeryt(teryt: string): Promise<mongoose.Types.ObjectId> {
  const jst = await jstWithTeryt(teryt);
  if (!jst) throw new Error(`Demo: brak JST o kodzie TERYT ${teryt} w rejestrze`);
  return jst._id;
}

/** The demo's cohort, made through the same command as ZMP's (found by name when it exists). */
async function ensureCohort(name: string): Promise<CohortDocument> {
  const existing = await Cohort.findOne({ name }).lean();
  if (existing) return existing;
  return cohortCreator({
    input: {
      name,
      description: "Pierwszy etap programu: trzy Grupy Wymiany Doświadczeń, dziewięć dwudniowych spotkań każda.",
      startsOn: "2025-09-01",
      endsOn: "2027-06-30",
      sessionCount: DEFAULT_SESSION_COUNT,
      status: "running",
    },
    actorId: null,
  });
}

async function ensureCategory(
  groupId: mongoose.Types.ObjectId | null,
  definition: DemoCategory,
  position: number,
  report: SeedReport,
): Promise<CategoryDocument> {
  const existing = await Category.findOne({ groupId, slug: definition.slug }).lean();
  if (existing) return existing;
  report.created.categories += 1;
  return categoryCreator({ groupId, ...definition, position, actorId: null });
}

/** Imports the TERYT catalogue and creates the demo network; safe to run any number of times. */
export async function seedDemo(options: { terytCsv: string; now?: Date }): Promise<SeedReport> {
  const now = options.now ?? new Date();
  const report: SeedReport = {
    jsts: await importTeryt(options.terytCsv),
    created: { users: 0, groups: 0, categories: 0, threads: 0, posts: 0, meetings: 0 },
    logins: DEMO_USERS.map((user) => ({ email: user.email, role: user.role, password: DEMO_PASSWORD })),
  };

  await importTaxonomy();
  const userIds = new Map<string, mongoose.Types.ObjectId>();
  // One argon2id hash for every demo account: they share the password, and hashing costs ~0.1 s each.
  let demoPasswordHash: string | undefined;
  for (const demoUser of DEMO_USERS) {
    const existing = await User.findOne({ email: demoUser.email }, { _id: 1 }).lean();
    if (existing) {
      userIds.set(demoUser.email, existing._id);
      continue;
    }
    const user = await userCreator({
      ...demoUser,
      password: { hash: (demoPasswordHash ??= await hashPassword(DEMO_PASSWORD)) },
      jstId: demoUser.jstTeryt ? await jstIdByTeryt(demoUser.jstTeryt) : null,
      actorId: null,
    });
    userIds.set(demoUser.email, user._id);
    report.created.users += 1;
  }
  const userId = (email: string): mongoose.Types.ObjectId => {
    const id = userIds.get(email);
    if (!id) throw new Error(`Demo: nieznany użytkownik ${email}`);
    return id;
  };

  const groupIds = new Map<string, mongoose.Types.ObjectId>();
  const cohorts = new Map<string, CohortDocument>();
  for (const demoGroup of DEMO_GROUPS) {
    let group: GroupDocument | null = await Group.findOne({ slug: demoGroup.slug }).lean();
    if (!group) {
      const jstIds = await Promise.all(demoGroup.jstTeryt.map(jstIdByTeryt));
      const cohort = cohorts.get(demoGroup.cohort) ?? (await ensureCohort(demoGroup.cohort));
      cohorts.set(demoGroup.cohort, cohort);
      group = await groupCreator({ ...demoGroup, cohortId: cohort._id, jstIds, actorId: null });
      report.created.groups += 1;
    }
    groupIds.set(demoGroup.slug, group._id);
    for (const member of demoGroup.members) {
      await groupMemberAdder({ groupId: group._id, userId: userId(member.email), role: member.role, actorId: null });
    }
    // After the space every new group gets ("Ogólne", "Spotkania").
    for (const [position, definition] of GROUP_CATEGORIES.entries()) {
      await ensureCategory(group._id, definition, NEW_GROUP_CATEGORIES.length + position, report);
    }
  }
  for (const [position, definition] of NETWORK_CATEGORIES.entries()) {
    await ensureCategory(null, definition, position, report);
  }

  for (const demoThread of DEMO_THREADS) {
    const groupId = demoThread.group === null ? null : (groupIds.get(demoThread.group) ?? null);
    const category = await Category.findOne({ groupId, slug: demoThread.category }).lean();
    if (!category) throw new Error(`Demo: brak kategorii ${demoThread.category}`);
    const [opening, ...replies] = demoThread.posts;
    if (!opening) continue;
    let thread: ThreadDocument | null = await Thread.findOne({
      categoryId: category._id,
      title: demoThread.title,
    }).lean();
    if (!thread) {
      thread = (
        await threadCreator({
          category,
          authorId: userId(opening.author),
          title: demoThread.title,
          tags: demoThread.tags ?? [],
          body: opening.body,
          clientId: stableClientId(demoThread.title, "0"),
          createdAt: daysAgo(opening.daysAgo, now, 0),
        })
      ).thread;
      report.created.threads += 1;
      report.created.posts += 1;
    }
    for (const [index, reply] of replies.entries()) {
      const { created } = await postCreator({
        thread,
        authorId: userId(reply.author),
        body: reply.body,
        clientId: stableClientId(demoThread.title, String(index + 1)),
        createdAt: daysAgo(reply.daysAgo, now, (index + 1) * 37),
      });
      if (created) report.created.posts += 1;
    }
  }
  for (const demoGroup of DEMO_GROUPS) {
    const groupId = groupIds.get(demoGroup.slug);
    if (groupId) report.created.meetings += await ensureMeetings(groupId, demoGroup, now);
  }
  await seedPractices();
  await seedAnalyses();
  await seedTags();
  await seedNetwork();
  return report;
}

/**
 * The group's nine sessions, six weeks apart around today: three already held, the fourth in
 * three weeks, each with a two-day programme. Demo dates move with the seed, so the home page
 * always has something upcoming. A session seeded earlier without a programme gets one.
 */
async function ensureMeetings(groupId: mongoose.Types.ObjectId, demoGroup: DemoGroup, now: Date): Promise<number> {
  let created = 0;
  for (let number = 1; number <= 9; number += 1) {
    const title = DEMO_MEETING_TOPICS[number - 1] ?? `Sesja ${number}`;
    let meeting: MeetingDocument | null = await Meeting.findOne({ groupId, number }).lean();
    if (!meeting) {
      const firstDay = warsawDateTime(new Date(now.getTime() + ((number - 4) * 42 + 21) * 86_400_000)).date;
      const secondDay = warsawDateTime(new Date(warsawToUtc(firstDay, "12:00").getTime() + 86_400_000)).date;
      const startsAt = warsawToUtc(firstDay, "09:00");
      const endsAt = warsawToUtc(secondDay, "15:00");
      meeting = await meetingScheduler({
        groupId,
        number,
        title,
        startsAt,
        endsAt,
        venue: demoGroup.venue,
        description: `Dwudniowe spotkanie grupy ${demoGroup.name}.`,
        status: endsAt < now ? "closed" : "planned",
        actorId: null,
      });
      created += 1;
    }
    if (meeting.agenda.length === 0) {
      await agendaSetter({
        meeting,
        items: demoAgenda(number, title).map((item) => ({ ...item, attachmentIds: [] })),
        actorId: null,
      });
    }
  }
  return created;
}
