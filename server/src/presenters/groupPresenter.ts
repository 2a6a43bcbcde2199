import type { CategorySummary, GroupSummary } from "@forum/shared";
import type { CategoryDocument } from "../models/Category.js";
import type { GroupDocument } from "../models/Group.js";
import type { JstDocument } from "../queries/jstCatalogue.js";
import { presentJst } from "./jstPresenter.js";

export const presentGroup = (group: GroupDocument, jstsById: Map<string, JstDocument>): GroupSummary => ({
  id: group._id.toString(),
  slug: group.slug,
  name: group.name,
  cohort: group.cohort,
  description: group.description ?? "",
  memberCount: group.memberCount ?? 0,
  jsts: group.jstIds.flatMap((id) => {
    const jst = jstsById.get(id.toString());
    return jst ? [presentJst(jst)] : [];
  }),
  allowFreeTags: group.allowFreeTags ?? false,
  archivedAt: group.archivedAt ? group.archivedAt.toISOString() : null,
});

export const presentCategory = (category: CategoryDocument, unread = 0): CategorySummary => ({
  id: category._id.toString(),
  slug: category.slug,
  name: category.name,
  description: category.description ?? "",
  kind: category.kind,
  threadCount: category.threadCount ?? 0,
  unread,
});
