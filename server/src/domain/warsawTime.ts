import { warsawDateTime as warsawParts, warsawToUtc } from "@forum/shared";

/** Polish time (Europe/Warsaw) as reports and the archive write it, and what "a day" of a meeting means. */

/** Midnight of a calendar day in Poland (the dates people pick are Polish days, not UTC ones). */
export const warsawMidnight = (day: string): Date => warsawToUtc(day, "00:00");

/** The calendar day after `day` ("YYYY-MM-DD"). */
export const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** "YYYY-MM-DD HH:MM" in Polish time. */
export const warsawDateTime = (date: Date): string => {
  const { date: day, time } = warsawParts(date);
  return `${day} ${time}`;
};

/** The Polish calendar day of an instant, "YYYY-MM-DD". */
export const warsawDay = (date: Date): string => warsawParts(date).date;

/** "HH:MM" in Polish time. */
export const warsawClock = (date: Date): string => warsawParts(date).time;

/** Polish words for dates in text people read (the archive thread): Intl in Polish time, never ISO. */
const polishDayFormat = new Intl.DateTimeFormat("pl-PL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Warsaw",
});
const polishDateTimeFormat = new Intl.DateTimeFormat("pl-PL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Warsaw",
});

/** "poniedziałek, 7 grudnia 2026": the Polish calendar day of an instant, in words. */
export const polishDay = (date: Date): string => polishDayFormat.format(date);

/** "7 grudnia 2026 10:00" in Polish time. */
export const polishDateTime = (date: Date): string => polishDateTimeFormat.format(date);

/** "7 grudnia 2026, 10:00 – 8 grudnia 2026, 16:00", or "7 grudnia 2026, 10:00–16:00" within one day. */
export const polishDateTimeRange = (start: Date, end: Date): string => polishDateTimeFormat.formatRange(start, end);
