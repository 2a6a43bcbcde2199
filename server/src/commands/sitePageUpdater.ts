import type mongoose from "mongoose";
import type { SitePageSlug } from "@forum/shared";
import { conflict } from "../errors/AppError.js";
import { SitePage, type SitePageDocument } from "../models/SitePage.js";
import { renderMarkdown } from "../infra/markdown.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface SitePageUpdaterProps {
  slug: SitePageSlug;
  title: string;
  markdown: string;
  /** The version the editor started from. */
  baseVersion: number;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export const STALE_SITE_PAGE_MESSAGE =
  "Ktoś zapisał tę stronę w międzyczasie. Odśwież ją, przenieś swoje zmiany i zapisz ponownie.";

/**
 * An admin's new text of a legal page, rendered once like a post. The update is conditioned on the version the
 * editor started from, so of two admins saving at once, the second is told instead of silently overwriting.
 */
export async function sitePageUpdater(props: SitePageUpdaterProps): Promise<SitePageDocument> {
  const updated = await SitePage.findOneAndUpdate(
    { slug: props.slug, version: props.baseVersion },
    {
      $set: {
        title: props.title,
        markdown: props.markdown,
        html: renderMarkdown(props.markdown),
        version: props.baseVersion + 1,
        updatedAt: new Date(),
        updatedById: props.actorId,
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict(STALE_SITE_PAGE_MESSAGE);
  await recordEvent({
    name: "pages.update",
    actorId: props.actorId,
    subjectType: "SitePage",
    subjectId: updated._id,
    // The text stays in the page; the audit log says who changed which page to which version.
    data: { slug: props.slug, version: updated.version, title: props.title, length: props.markdown.length },
    context: props.context,
  });
  return updated;
}
