/** Dates in the user's language: "3 dni temu", "22 listopada 2026, 14:05". */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * Under a minute: Intl says "ta minuta" / "this minute", which reads wrong after a verb ("ostatnio aktywna ta
 * minuta"); these read right both alone and in a sentence.
 */
const MOMENT: Record<string, { past: string; future: string }> = {
  pl: { past: "przed chwilą", future: "za chwilę" },
  en: { past: "just now", future: "in a moment" },
};

export function relativeTime(iso: string, locale: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const formatter = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    // 23.6 hours ago reads better as "wczoraj" than "24 godziny temu".
    if (Math.abs(seconds) >= size * 0.9) return formatter.format(Math.round(seconds / size), unit);
  }
  const moment = MOMENT[locale.slice(0, 2)];
  if (moment) return seconds > 0 ? moment.future : moment.past;
  return formatter.format(0, "minute");
}

export function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

/** A two-day session: "8–9 grudnia 2026" (same month) or "30 listopada – 1 grudnia 2026". */
export function dateRange(startIso: string, endIso: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Warsaw",
  });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

/** A day in Polish time: "22 listopada 2026" (when a document was published). */
export function longDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Warsaw" }).format(new Date(iso));
}
