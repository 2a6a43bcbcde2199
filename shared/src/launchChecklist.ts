/**
 * What must be true before the forum goes live, each read from the running server's configuration and its
 * database (never ticked by hand), in the order an administrator usually does them.
 */
export const LAUNCH_CHECKS = [
  "legalPages",
  "accessibilityContact",
  "publicUrl",
  "smtp",
  "sessionSecret",
  "backup",
] as const;
export type LaunchCheckKey = (typeof LAUNCH_CHECKS)[number];

export interface LaunchCheckView {
  key: LaunchCheckKey;
  done: boolean;
  /** legalPages: template fields still to fill in both pages together. */
  unfilled?: number;
  /** publicUrl: the configured address; smtp: the mail server's host (never its credentials). */
  value?: string;
  /** backup: when the newest backup was taken (ISO). */
  at?: string;
}

export interface LaunchChecklistResponse {
  checks: LaunchCheckView[];
}
