import { relativeTime } from "../../client/src/lib/format.js";

describe("relativeTime", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it("says „przed chwilą” under a minute, which reads right in „ostatnio aktywna …”", () => {
    expect(relativeTime(ago(5), "pl", now)).toBe("przed chwilą");
    expect(relativeTime(ago(-5), "pl", now)).toBe("za chwilę");
    expect(relativeTime(ago(5), "en", now)).toBe("just now");
  });

  it("keeps Polish plural forms for longer spans", () => {
    expect(relativeTime(ago(60), "pl", now)).toBe("1 minutę temu");
    expect(relativeTime(ago(2 * 60), "pl", now)).toBe("2 minuty temu");
    expect(relativeTime(ago(5 * 60), "pl", now)).toBe("5 minut temu");
    expect(relativeTime(ago(24 * 3600), "pl", now)).toBe("wczoraj");
  });
});
