import { foldPolish, LEADERS_PAGE_SIZE, type LeaderPage, type LeaderQuery, type LeaderView } from "@forum/shared";
import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { Practice } from "../models/Practice.js";
import { User } from "../models/User.js";
import { presentJst } from "../presenters/jstPresenter.js";
import { jstsByIds } from "./jstCatalogue.js";
import { UNRESTRICTED } from "../domain/processingRestriction.js";
import { loadTags, tagsOf } from "./tagDirectory.js";

/** Practices listed on a leader's card; the count covers all of them. */
const PRACTICES_SHOWN = 3;

/**
 * The leaders' directory: active people who opted in (consents.directoryListing). It holds at most the network's
 * members (hundreds to a few thousand), so the cheap filters run in the database and the free-text one, which must
 * ignore diacritics across name, JST and position, runs here on the small candidate list.
 */
export async function findLeaders(query: LeaderQuery): Promise<LeaderPage> {
  const filter: Record<string, unknown> = { "consents.directoryListing": true, status: "active", ...UNRESTRICTED };
  if (query.tag) filter.expertise = query.tag;
  if (query.group) {
    const group = await Group.findOne({ slug: query.group }, { _id: 1 }).lean();
    const memberIds = group ? await Membership.distinct("userId", { groupId: group._id }) : [];
    filter._id = anyOf(memberIds);
  }
  const candidates = await User.find(filter, { name: 1, username: 1, jstId: 1, position: 1, expertise: 1 }).lean();
  const jsts = await jstsByIds(candidates.flatMap((user) => (user.jstId ? [user.jstId] : [])));
  const words = foldPolish(query.q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const matching = candidates.filter((user) => {
    const jst = user.jstId ? jsts.get(user.jstId.toString()) : undefined;
    if (query.voivodeship && jst?.voivodeshipCode !== query.voivodeship) return false;
    if (query.jstType && jst?.type !== query.jstType) return false;
    if (words.length === 0) return true;
    // Each word typed must start a word of the name, JST or position: "anna" finds Anna, not Joanna.
    const haystack = foldPolish([user.name, jst?.name ?? "", user.position ?? ""].join(" ")).split(/[^\p{L}\p{N}]+/u);
    return words.every((word) => haystack.some((candidate) => candidate.startsWith(word)));
  });
  matching.sort((a, b) => a.name.localeCompare(b.name, "pl"));
  const pageCount = Math.max(1, Math.ceil(matching.length / LEADERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const shown = matching.slice((page - 1) * LEADERS_PAGE_SIZE, page * LEADERS_PAGE_SIZE);
  return { leaders: await presentLeaders(shown, jsts), total: matching.length, page, pageCount };
}

interface LeaderUser {
  _id: mongoose.Types.ObjectId;
  name: string;
  username: string;
  jstId?: mongoose.Types.ObjectId | null;
  position?: string | null;
  expertise?: string[];
}

async function presentLeaders(users: LeaderUser[], jsts: Awaited<ReturnType<typeof jstsByIds>>): Promise<LeaderView[]> {
  if (users.length === 0) return [];
  const userIds = users.map((user) => user._id);
  const [tags, practices, memberships] = await Promise.all([
    loadTags(users.flatMap((user) => user.expertise ?? [])),
    Practice.find({ status: "published", authorId: anyOf(userIds) }, { title: 1, authorId: 1, publishedAt: 1 })
      .sort({ publishedAt: -1 })
      .lean(),
    Membership.find({ userId: anyOf(userIds) }, { userId: 1, groupId: 1 }).lean(),
  ]);
  const groups = memberships.length
    ? await Group.find({ _id: anyOf(memberships.map((membership) => membership.groupId)) }, { slug: 1, name: 1 }).lean()
    : [];
  const groupById = new Map(groups.map((group) => [group._id.toString(), { slug: group.slug, name: group.name }]));
  return users.map((user) => {
    const id = user._id.toString();
    const jst = user.jstId ? jsts.get(user.jstId.toString()) : undefined;
    const authored = practices.filter((practice) => practice.authorId.equals(user._id));
    return {
      id,
      name: user.name,
      username: user.username,
      jst: jst ? { ...presentJst(jst), voivodeshipCode: jst.voivodeshipCode } : null,
      position: user.position ?? null,
      expertise: tagsOf(user.expertise ?? [], tags),
      practices: {
        count: authored.length,
        items: authored
          .slice(0, PRACTICES_SHOWN)
          .map((practice) => ({ id: practice._id.toString(), title: practice.title })),
      },
      groups: memberships
        .filter((membership) => membership.userId.equals(user._id))
        .flatMap((membership) => groupById.get(membership.groupId.toString()) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name, "pl")),
    };
  });
}
