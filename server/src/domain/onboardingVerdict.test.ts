import { PARTICIPANT_COLUMNS, type ParticipantCells } from "@forum/shared";
import { normalisedEmail, personNameOf, verdictOf, type RowFacts } from "./onboardingVerdict.js";

const cells = (fields: Partial<ParticipantCells>): ParticipantCells => ({
  ...(Object.fromEntries(PARTICIPANT_COLUMNS.map((column) => [column, ""])) as ParticipantCells),
  ...fields,
});
const good = cells({ firstName: "Anna", lastName: "Nowak", email: "Anna.Nowak@Gmina.pl " });
const facts = (fields: Partial<RowFacts>): RowFacts => ({
  jst: "found",
  group: "found",
  account: null,
  duplicate: false,
  ...fields,
});

describe("a participant row's verdict", () => {
  it("invites a new person, adds an existing active account, leaves a member where they are", () => {
    expect(verdictOf(good, facts({}))).toEqual({ problems: [], action: "invite" });
    expect(verdictOf(good, facts({ account: { status: "active", inGroup: false } }))).toEqual({
      problems: [],
      action: "addExisting",
    });
    expect(verdictOf(good, facts({ account: { status: "active", inGroup: true } }))).toEqual({
      problems: [],
      action: "alreadyMember",
    });
  });

  it("lists every problem at once", () => {
    expect(
      verdictOf(cells({ firstName: "A", email: "nie-email" }), facts({ jst: "ambiguous", group: "unknown" })),
    ).toEqual({
      problems: ["missingName", "badEmail", "ambiguousJst", "unknownGroup"],
      action: null,
    });
    expect(verdictOf(good, facts({ duplicate: true, jst: "missing", group: "missing" })).problems).toEqual([
      "duplicateEmail",
      "unknownJst",
      "missingGroup",
    ]);
  });

  it("lets an existing account keep its JST but not a suspended one in", () => {
    expect(verdictOf(good, facts({ jst: "unknown", account: { status: "active", inGroup: false } })).action).toBe(
      "addExisting",
    );
    expect(verdictOf(good, facts({ account: { status: "suspended", inGroup: false } })).problems).toEqual([
      "accountNotActive",
    ]);
  });

  it("normalises names and e-mails as the forum stores them", () => {
    expect(personNameOf(cells({ fullName: "  Jan   Kowalski " }))).toBe("Jan Kowalski");
    expect(normalisedEmail(" mailto:Jan@X.PL")).toBe("jan@x.pl");
    expect(normalisedEmail("jan@")).toBeNull();
  });
});
