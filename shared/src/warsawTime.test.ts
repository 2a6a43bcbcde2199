import { warsawDateTime, warsawMonthRange, warsawToUtc } from "./warsawTime.js";

describe("Polish time", () => {
  it("turns a Polish date and time into UTC in winter (+1) and summer (+2)", () => {
    expect(warsawToUtc("2026-12-08", "09:00").toISOString()).toBe("2026-12-08T08:00:00.000Z");
    expect(warsawToUtc("2027-06-14", "09:30").toISOString()).toBe("2027-06-14T07:30:00.000Z");
  });

  it("handles the days the clocks change", () => {
    // 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 becomes 02:00.
    expect(warsawToUtc("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(warsawToUtc("2026-03-29", "04:00").toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(warsawToUtc("2026-10-25", "12:00").toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });

  it("reads the Polish day and time of an instant, and round-trips", () => {
    expect(warsawDateTime(new Date("2026-12-31T23:30:00Z"))).toEqual({ date: "2027-01-01", time: "00:30" });
    const instant = warsawToUtc("2026-07-01", "15:45");
    expect(warsawDateTime(instant)).toEqual({ date: "2026-07-01", time: "15:45" });
  });

  it("gives a month's bounds in Polish time", () => {
    expect(warsawMonthRange("2026-12")).toEqual({
      from: new Date("2026-11-30T23:00:00.000Z"),
      to: new Date("2026-12-31T23:00:00.000Z"),
    });
    expect(warsawMonthRange("2026-03").to.toISOString()).toBe("2026-03-31T22:00:00.000Z");
  });
});
