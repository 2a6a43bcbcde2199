import { anyOf } from "../db/anyOf.js";
import { Group } from "../models/Group.js";
import { Membership } from "../models/Membership.js";
import { Practice } from "../models/Practice.js";
import { User } from "../models/User.js";
import type { JstDocument } from "../models/Jst.js";
import { jstsByIds } from "./jstCatalogue.js";

/**
 * Where the network is: the JSTs "in the network" are the groups' member JSTs plus the JSTs of the people who belong
 * to a group (someone from a neighbouring gmina may join a group); each JST counts once.
 */
export async function networkJsts(): Promise<Map<string, JstDocument>> {
  const [groupJstIds, memberIds] = await Promise.all([Group.distinct("jstIds"), Membership.distinct("userId")]);
  const memberJstIds = memberIds.length ? await User.distinct("jstId", { _id: anyOf(memberIds) }) : [];
  return jstsByIds([...groupJstIds, ...memberJstIds].filter((id) => id !== null && id !== undefined));
}

/** Published practices per TERYT voivodeship code (a practice of JSTs in two voivodeships counts in both). */
export async function publishedPracticesByVoivodeship(): Promise<Map<string, number>> {
  const practices = await Practice.find({ status: "published" }, { voivodeshipCodes: 1 }).lean();
  const counts = new Map<string, number>();
  for (const practice of practices) {
    for (const code of new Set(practice.voivodeshipCodes)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}
