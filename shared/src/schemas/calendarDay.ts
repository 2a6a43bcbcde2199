import { z } from "zod";

/**
 * The years a date typed into the forum may name. Others are typos, and the Polish-time conversion
 * (Intl) writes years before 1000 without four digits, which would turn them into invalid instants.
 */
export const FORUM_YEARS = { first: 2000, last: 2100 } as const;

export const FORUM_YEARS_MESSAGE = `Podaj datę z lat ${FORUM_YEARS.first}–${FORUM_YEARS.last}.`;

/** For "YYYY-MM-DD" and "YYYY-MM" strings. */
export const inForumYears = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return year >= FORUM_YEARS.first && year <= FORUM_YEARS.last;
};

/** A real calendar day "YYYY-MM-DD" (no 30 February) within FORUM_YEARS. */
export const calendarDay = (message: string) =>
  z.iso.date({ message }).refine(inForumYears, { message: FORUM_YEARS_MESSAGE });
