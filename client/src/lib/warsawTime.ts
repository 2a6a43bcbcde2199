/** Meeting times are Polish wall-clock times ("HH:MM" on day 1 or 2), wherever the browser is. */

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Warsaw", timeZoneName: "shortOffset" });
const dayFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Warsaw",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Minutes Poland is ahead of UTC at that instant (60 in winter, 120 in summer). */
function warsawOffsetMinutes(at: Date): number {
  const zone = offsetFormat.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-]\d+)(?::(\d+))?/.exec(zone);
  const hours = match ? Number(match[1]) : 0;
  return hours * 60 + (match?.[2] ? Number(match[2]) * Math.sign(hours) : 0);
}

/** The Polish calendar day of an instant, "YYYY-MM-DD". */
export const warsawDay = (at: Date): string => dayFormat.format(at);

/** The instant of a Polish wall-clock time on a Polish calendar day. */
export function warsawInstant(day: string, time: string): Date {
  const asUtc = new Date(`${day}T${time}:00Z`);
  return new Date(asUtc.getTime() - warsawOffsetMinutes(asUtc) * 60_000);
}

/** The calendar day `count` days after `day`. */
export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}
