import {
  hasAccessibilityContact,
  SITE_PAGE_SLUGS,
  templateFields,
  type LaunchChecklistResponse,
  type LaunchCheckView,
} from "@forum/shared";
import type { Config } from "../config.js";
import { BACKUP_JOB_NAME } from "../backup/backupRecord.js";
import { JobRun } from "../models/JobRun.js";
import { loadSitePage } from "./sitePages.js";

type LaunchConfig = Pick<Config, "PUBLIC_URL" | "SMTP_URL" | "SESSION_SECRET" | "IP_RETENTION_DAYS">;

/** The mail server's host from SMTP_URL; the user and password in it stay on the server. */
function smtpHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

/**
 * Each check read from what the process runs with and what the database holds: the legal pages' text, the
 * configuration (PUBLIC_URL over https, SMTP_URL, a SESSION_SECRET given rather than generated) and the newest
 * backup that `npm run backup` recorded.
 */
export async function launchChecklist(config: LaunchConfig): Promise<LaunchChecklistResponse> {
  const pages = await Promise.all(SITE_PAGE_SLUGS.map((slug) => loadSitePage(slug, config.IP_RETENTION_DAYS)));
  const unfilled = pages.reduce((sum, page) => sum + templateFields(page.markdown).length, 0);
  const accessibility = pages.find((page) => page.slug === "accessibility");
  const backup = await JobRun.findOne({ name: BACKUP_JOB_NAME }, { lastRunAt: 1 }).lean();
  const publicUrl = config.PUBLIC_URL ?? null;

  const checks: LaunchCheckView[] = [
    { key: "legalPages", done: unfilled === 0, unfilled },
    { key: "accessibilityContact", done: accessibility ? hasAccessibilityContact(accessibility.markdown) : false },
    {
      key: "publicUrl",
      done: publicUrl !== null && publicUrl.startsWith("https://"),
      ...(publicUrl ? { value: publicUrl } : {}),
    },
    { key: "smtp", done: Boolean(config.SMTP_URL), ...(config.SMTP_URL ? { value: smtpHost(config.SMTP_URL) } : {}) },
    { key: "sessionSecret", done: Boolean(config.SESSION_SECRET) },
    {
      key: "backup",
      done: Boolean(backup?.lastRunAt),
      ...(backup?.lastRunAt ? { at: new Date(backup.lastRunAt).toISOString() } : {}),
    },
  ];
  return { checks };
}
