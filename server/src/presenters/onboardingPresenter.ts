import type mongoose from "mongoose";
import type { OnboardingCounts, OnboardingImportView, OnboardingRowView, OnboardingSendState } from "@forum/shared";
import { Cohort } from "../models/Cohort.js";
import { Group } from "../models/Group.js";
import type { OnboardingImportDocument } from "../models/OnboardingImport.js";
import { OnboardingRow, type OnboardingRowDocument } from "../models/OnboardingRow.js";
import { User } from "../models/User.js";
import { jstLabel } from "../queries/onboardingContext.js";
import { jstsByIds, jstWithTeryt } from "../queries/jstCatalogue.js";
import { anyOf } from "../db/anyOf.js";

/**
 * The counts a list's page shows, each an indexed count (never the rows themselves), so the page
 * costs the same for 30 rows and for 3,000.
 */
export async function onboardingCounts(importId: mongoose.Types.ObjectId): Promise<OnboardingCounts> {
  const count = (filter: Record<string, unknown>) => OnboardingRow.countDocuments({ importId, ...filter });
  const [rows, problems, skipped, invite, addExisting, alreadyMember, invited, added, skippedSent, failed] =
    await Promise.all([
      count({}),
      count({ attention: true }),
      count({ skipped: true }),
      count({ attention: false, skipped: false, action: "invite" }),
      count({ attention: false, skipped: false, action: "addExisting" }),
      count({ attention: false, skipped: false, action: "alreadyMember" }),
      count({ sendState: "invited" }),
      count({ sendState: "added" }),
      count({ sendState: "skipped" }),
      count({ sendState: "failed" }),
    ]);
  return {
    rows,
    ready: invite + addExisting + alreadyMember,
    problems,
    skipped,
    invite,
    addExisting,
    alreadyMember,
    done: invited + added + skippedSent,
    failed,
  };
}

export async function presentImport(doc: OnboardingImportDocument): Promise<OnboardingImportView> {
  const [counts, creator, cohort] = await Promise.all([
    onboardingCounts(doc._id),
    User.findById(doc.createdById, { name: 1 }).lean(),
    doc.cohortId ? Cohort.findById(doc.cohortId, { name: 1 }).lean() : null,
  ]);
  return {
    id: doc._id.toString(),
    fileName: doc.fileName,
    status: doc.status,
    createdAt: doc.createdAt.toISOString(),
    createdBy: creator?.name ?? "",
    cohort: cohort ? { id: cohort._id.toString(), name: cohort.name } : null,
    counts,
  };
}

/** Rows of one page as the preview shows them; groups and units are looked up once for the page. */
export async function presentRows(rows: OnboardingRowDocument[]): Promise<OnboardingRowView[]> {
  const groupIds = [...new Set(rows.flatMap((row) => (row.groupId ? [row.groupId.toString()] : [])))];
  const groups = groupIds.length ? await Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [];
  const groupsById = new Map(groups.map((group) => [group._id.toString(), group]));
  const jsts = await jstsByIds(rows.flatMap((row) => (row.jstId ? [row.jstId] : [])));
  const suggestionUnits = new Map(
    (
      await Promise.all(
        [...new Set(rows.flatMap((row) => row.suggestedTeryts))].map(async (teryt) => jstWithTeryt(teryt)),
      )
    ).flatMap((unit) => (unit ? [[unit.teryt, unit] as const] : [])),
  );
  return rows.map((row) => {
    const jst = row.jstId ? jsts.get(row.jstId.toString()) : undefined;
    const group = row.groupId ? groupsById.get(row.groupId.toString()) : undefined;
    return {
      id: row._id.toString(),
      line: row.line,
      cells: { ...row.cells },
      name: row.name,
      email: row.email,
      jst: jst ? { teryt: jst.teryt, label: jstLabel(jst) } : null,
      group: group ? { slug: group.slug, name: group.name } : null,
      problems: row.problems,
      action: row.action ?? null,
      suggestions: row.suggestedTeryts.flatMap((teryt) => {
        const unit = suggestionUnits.get(teryt);
        return unit ? [{ teryt, label: jstLabel(unit) }] : [];
      }),
      skipped: row.skipped,
      sendState: row.sendState as OnboardingSendState,
      sendError: row.sendError ?? null,
    };
  });
}
