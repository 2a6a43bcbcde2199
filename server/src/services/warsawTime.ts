/** Polish time (Europe/Warsaw): how people read dates, and what "a day" of a meeting means. */

const warsawOffset = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Warsaw", timeZoneName: "shortOffset" });
const warsawParts = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Warsaw",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Midnight of a calendar day in Poland (the dates people pick are Polish days, not UTC ones). */
export function warsawMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const zone = warsawOffset.formatToParts(utcMidnight).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-]\d+)(?::(\d+))?/.exec(zone);
  const hours = match ? Number(match[1]) : 0;
  const minutes = match?.[2] ? Number(match[2]) * Math.sign(hours) : 0;
  return new Date(utcMidnight.getTime() - (hours * 60 + minutes) * 60_000);
}

/** The calendar day after `day` ("YYYY-MM-DD"). */
export const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** "YYYY-MM-DD HH:MM" in Polish time. */
export const warsawDateTime = (date: Date): string => warsawParts.format(date);

/** The Polish calendar day of an instant, "YYYY-MM-DD". */
export const warsawDay = (date: Date): string => warsawDateTime(date).slice(0, 10);

/** "HH:MM" in Polish time. */
export const warsawClock = (date: Date): string => warsawDateTime(date).slice(11, 16);
