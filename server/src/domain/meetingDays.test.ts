import { lastDayOf, pausedMessage, plannedDateInWords, plannedDates } from "./meetingDays.js";

const at = (iso: string) => new Date(iso);

describe("a session's days in Polish time", () => {
  it("plans day 1 on the Polish date of its start and day 2 on the next, across a month's end", () => {
    const meeting = { startsAt: at("2026-11-30T09:00:00Z"), endsAt: at("2026-12-01T15:00:00Z") };
    expect(lastDayOf(meeting)).toBe(2);
    expect(plannedDates(meeting)).toEqual(["2026-11-30", "2026-12-01"]);
  });

  it("takes the Polish date, not the UTC one, for a start just after midnight in Poland", () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Warsaw.
    const meeting = { startsAt: at("2027-03-14T23:30:00Z"), endsAt: at("2027-03-16T14:00:00Z") };
    expect(plannedDates(meeting)).toEqual(["2027-03-15", "2027-03-16"]);
  });

  it("has one day when the session starts and ends on the same date", () => {
    const meeting = { startsAt: at("2026-12-08T09:00:00Z"), endsAt: at("2026-12-08T15:00:00Z") };
    expect(lastDayOf(meeting)).toBe(1);
    expect(plannedDates(meeting)).toEqual(["2026-12-08"]);
  });

  it("names a planned date in Polish words, and says when a paused room continues", () => {
    expect(plannedDateInWords("2026-12-08")).toBe("wtorek, 8 grudnia 2026");
    const twoDays = { startsAt: at("2026-12-08T09:00:00Z"), endsAt: at("2026-12-09T15:00:00Z") };
    expect(pausedMessage({ ...twoDays, room: { day: 1 } })).toMatch(
      /^Dzień 1 zakończony — pokój wznowi się w dniu 2\./,
    );
    expect(pausedMessage({ ...twoDays, room: { day: 2 } })).toMatch(
      /^Dzień 2 zakończony — spotkanie czeka na zakończenie\./,
    );
  });
});
