/** Meetings are planned in Polish time and stored in UTC; these convert between the two. */

export const WARSAW_TIME_ZONE = "Europe/Warsaw";

const partsFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: WARSAW_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Polish calendar day "YYYY-MM-DD" and time "HH:MM" of an instant. */
export function warsawDateTime(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes Warsaw is ahead of UTC at that instant (60 in winter, 120 in summer). */
function warsawOffsetMinutes(instant: Date): number {
  const { date, time } = warsawDateTime(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at which it is `time` ("HH:MM") on `date` ("YYYY-MM-DD") in Poland. */
export function warsawToUtc(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  // The offset at the guessed instant; a second pass settles the hours around a DST change.
  const first = naive - warsawOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - warsawOffsetMinutes(new Date(first)) * 60_000);
}

/** The first instant of a Polish calendar month "YYYY-MM", and of the month after it. */
export function warsawMonthRange(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, "0")}`;
  return { from: warsawToUtc(`${month}-01`, "00:00"), to: warsawToUtc(`${next}-01`, "00:00") };
}
