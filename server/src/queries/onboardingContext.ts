import type mongoose from "mongoose";
import { JST_TYPE_NAMES } from "../domain/jstTypes.js";
import { foldPolish, type JstType, type UserStatus } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { Group } from "../models/Group.js";
import type { JstDocument } from "../models/Jst.js";
import { Membership } from "../models/Membership.js";
import { User } from "../models/User.js";
import { allJsts } from "./jstCatalogue.js";

/** More groups than the programme ever has (100 at stage two); a bound, never a page. */
const GROUPS_MAX = 1_000;

export interface OnboardingGroup {
  _id: mongoose.Types.ObjectId;
  slug: string;
  name: string;
  cohortId?: mongoose.Types.ObjectId | null;
}

/**
 * What judging a participant list needs besides the rows: the TERYT register (held in memory by the
 * catalogue anyway) and the groups a row may name. Accounts are looked up per batch of rows.
 */
export interface OnboardingContext {
  units: readonly JstDocument[];
  byTeryt: ReadonlyMap<string, JstDocument>;
  /** A group named in a row: by address, then by name (in the list's cohort first). */
  groupNamed(text: string): OnboardingGroup | null;
}

export async function loadOnboardingContext(cohortId: mongoose.Types.ObjectId | null): Promise<OnboardingContext> {
  const [units, groups] = await Promise.all([
    allJsts(),
    // Archived groups take nobody new: a row naming one is an unknown group.
    Group.find({ archivedAt: null }, { slug: 1, name: 1, cohortId: 1 }).limit(GROUPS_MAX).lean(),
  ]);
  const byTeryt = new Map(units.map((unit) => [unit.teryt, unit]));
  const inCohortFirst = [...groups].sort(
    (a, b) => Number(String(b.cohortId) === String(cohortId)) - Number(String(a.cohortId) === String(cohortId)),
  );
  const bySlug = new Map(groups.map((group) => [group.slug, group]));
  const byName = new Map<string, OnboardingGroup>();
  for (const group of inCohortFirst) {
    const key = foldPolish(group.name);
    if (!byName.has(key)) byName.set(key, group);
  }
  return {
    units,
    byTeryt,
    groupNamed(text) {
      const trimmed = text.trim();
      if (!trimmed) return null;
      return bySlug.get(trimmed.toLowerCase()) ?? byName.get(foldPolish(trimmed)) ?? null;
    },
  };
}

export interface ExistingAccount {
  _id: mongoose.Types.ObjectId;
  status: UserStatus;
  /** Ids of the groups the person is in. */
  groupIds: Set<string>;
}

/** The accounts that already have these addresses, with their groups (two indexed queries per batch). */
export async function existingAccounts(emails: readonly string[]): Promise<Map<string, ExistingAccount>> {
  if (emails.length === 0) return new Map();
  const users = await User.find({ email: anyOf(emails) }, { email: 1, status: 1 }).lean();
  const memberships = users.length
    ? await Membership.find({ userId: anyOf(users.map((user) => user._id)) }, { userId: 1, groupId: 1 }).lean()
    : [];
  return new Map(
    users.map((user) => [
      user.email,
      {
        _id: user._id,
        status: user.status as UserStatus,
        groupIds: new Set(
          memberships
            .filter((membership) => membership.userId.equals(user._id))
            .map((membership) => membership.groupId.toString()),
        ),
      },
    ]),
  );
}

/** "Kraków — miasto na prawach powiatu, małopolskie": enough to tell two units of one name apart. */
export const jstLabel = (jst: Pick<JstDocument, "name" | "type" | "voivodeship">): string =>
  `${jst.name} — ${JST_TYPE_NAMES[jst.type as JstType] ?? jst.type}, ${jst.voivodeship.toLowerCase()}`;
