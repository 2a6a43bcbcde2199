import { auditQuerySchema } from "./moderation.js";
import { calendarMonthSchema } from "./meetings.js";
import { searchQuerySchema } from "./search.js";

// Found by the API fuzzer: such dates reached the Polish-time conversion and answered 500.
describe("dates typed into the forum", () => {
  it.each([
    ["the calendar month", () => calendarMonthSchema.safeParse({ month: "0000-01" })],
    ["the audit log's day", () => auditQuerySchema.safeParse({ from: "0000-00-00" })],
    ["the audit log's impossible day", () => auditQuerySchema.safeParse({ from: "2026-02-30" })],
    ["the search's day", () => searchQuerySchema.safeParse({ q: "oświata", to: "0020-02-29" })],
  ])("refuses %s outside 2000–2100 or off the calendar, in Polish", (_what, parse) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Podaj (datę|miesiąc)/);
  });

  it("accepts real days of the forum's years", () => {
    expect(calendarMonthSchema.safeParse({ month: "2026-11" }).success).toBe(true);
    expect(auditQuerySchema.safeParse({ from: "2024-02-29", to: "2026-11-23" }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: "oświata", from: "2026-01-01" }).success).toBe(true);
  });
});
