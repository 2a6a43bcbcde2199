import { Types } from "mongoose";
import { archivePosts, votesLabel, type ArchiveMaterial } from "./meetingArchive.js";

/** A two-day session from 7 December 2026, 10:00 to 8 December, 16:00, Polish time. */
function material(): ArchiveMaterial {
  return {
    meeting: {
      _id: new Types.ObjectId(),
      number: 4,
      title: "Sesja 4: dane i wskaźniki",
      startsAt: new Date("2026-12-07T09:00:00Z"),
      endsAt: new Date("2026-12-08T15:00:00Z"),
      venue: "Kraków",
      agenda: [
        { day: 1, startTime: "10:00", endTime: "11:00", title: "Otwarcie", speaker: "", description: "" },
        { day: 2, startTime: "09:00", endTime: "10:00", title: "Wskaźniki", speaker: "", description: "" },
      ],
      room: { openedAt: new Date("2026-12-07T08:45:00Z"), closedAt: new Date("2026-12-08T15:10:00Z") },
    } as unknown as ArchiveMaterial["meeting"],
    groupName: "GWD Małopolska",
    messages: [
      { createdAt: new Date("2026-12-07T09:05:00Z"), authorName: "Anna Kowalska", text: "Dzień dobry" },
      { createdAt: new Date("2026-12-08T08:05:00Z"), authorName: "Piotr Mazur", text: "Witam" },
    ],
    questions: [{ authorName: "Anna Kowalska", text: "Skąd dane?", voteCount: 22, answer: "" }],
    polls: [],
    minutesMarkdown: "",
  };
}

describe("the meeting archive thread", () => {
  // Intl puts thin and no-break spaces around the range dash; compare as plain spaces.
  const [opening = "", chat = "", questions = ""] = archivePosts(material()).map((post) =>
    post.replace(/[\u2009\u202f\u00a0]/g, " "),
  );

  it("writes dates in Polish words and Polish time, never as ISO dates", () => {
    for (const post of [opening, chat]) expect(post).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(opening).toContain("- Termin: 7 grudnia 2026 10:00 – 8 grudnia 2026 16:00");
    expect(opening).toContain("- Pokój otwarty: 7 grudnia 2026 09:45");
    expect(opening).toContain("### Dzień 1 — poniedziałek, 7 grudnia 2026");
    expect(opening).toContain("### Dzień 2 — wtorek, 8 grudnia 2026");
    expect(chat).toContain("**poniedziałek, 7 grudnia 2026**");
    expect(chat).toContain("**wtorek, 8 grudnia 2026**");
  });

  it("counts votes with the Polish plural forms", () => {
    expect([1, 2, 5, 12, 22, 25, 112].map(votesLabel)).toEqual([
      "1 głos",
      "2 głosy",
      "5 głosów",
      "12 głosów",
      "22 głosy",
      "25 głosów",
      "112 głosów",
    ]);
    expect(questions).toContain("22 głosy");
  });
});
