import { randomUUID } from "node:crypto";
import type TestAgent from "supertest/lib/agent.js";
import type { CohortView, GroupDetail, GroupRoster, ProgrammeGroupView } from "@forum/shared";
import { Event } from "../../server/src/models/Event.js";
import { Membership } from "../../server/src/models/Membership.js";
import { Group } from "../../server/src/models/Group.js";
import { User } from "../../server/src/models/User.js";
import { SearchEntry } from "../../server/src/models/SearchEntry.js";
import { DEMO, signedInAgent } from "../support/http.js";
import { connectAs, joinThread, firstThreadIn, type ForumClient } from "../support/sockets.js";
import { joinRoom, nextPush, openRoom, plannedMeetingOf, sendChat } from "../support/rooms.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** Polls until `check` holds (the search index follows events in the server's own time). */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Issue 17: ZMP runs cohorts and groups without a developer — cohorts, groups with their space, rosters,
 * facilitators, moves that end access at once, and archived groups that refuse every write.
 */

let server: TestServer;
let moderator: TestAgent;
let admin: TestAgent;
let memberA: TestAgent;

const PIOTR = "piotr.mazur@demo.forum-jst.pl";
const MONIKA = "monika.wozniak@demo.forum-jst.pl";

beforeAll(async () => {
  server = await startTestServer({ seed: true, label: "programme" });
  moderator = await signedInAgent(server.url, DEMO.moderator);
  admin = await signedInAgent(server.url, DEMO.admin);
  memberA = await signedInAgent(server.url, DEMO.memberA);
}, 180_000);
afterAll(() => server?.stop());

const cohortInput = (overrides: Record<string, unknown> = {}) => ({
  name: `Etap II, 2026–2028 (${randomUUID().slice(0, 6)})`,
  description: "Drugi etap programu.",
  startsOn: "2026-09-01",
  endsOn: "2028-06-30",
  ...overrides,
});

async function newCohort(overrides: Record<string, unknown> = {}): Promise<CohortView> {
  const response = await admin.post("/api/cohorts").send(cohortInput(overrides));
  expect(response.status).toBe(201);
  return response.body.cohort as CohortView;
}

async function newGroup(
  cohortId: string,
  slug: string,
  jsts: string[] = ["1261", "1219053"],
): Promise<ProgrammeGroupView> {
  const response = await moderator
    .post("/api/groups")
    .send({ name: `GWD ${slug}`, slug, description: "Nowa grupa.", cohortId, jsts });
  expect(response.status).toBe(201);
  return response.body.group as ProgrammeGroupView;
}

describe("cohorts", () => {
  it("are created with nine sessions by default, planned, listed and changed by ZMP", async () => {
    const cohort = await newCohort();
    expect(cohort).toMatchObject({ sessionCount: 9, status: "planned", groupCount: 0 });
    const listed = await moderator.get("/api/cohorts");
    expect(listed.status).toBe(200);
    expect((listed.body.cohorts as CohortView[]).map((c) => c.id)).toContain(cohort.id);
    const changed = await moderator.patch(`/api/cohorts/${cohort.id}`).send({ status: "running", sessionCount: 6 });
    expect(changed.status).toBe(200);
    expect(changed.body.cohort).toMatchObject({ status: "running", sessionCount: 6 });
    const event = await Event.findOne({ name: "cohorts.update", subjectId: cohort.id }).lean();
    expect(event?.data).toMatchObject({ before: { status: "planned", sessionCount: 9 }, after: { status: "running" } });
  });

  it("refuses bad input with Polish messages", async () => {
    const response = await admin
      .post("/api/cohorts")
      .send(cohortInput({ name: "E", endsOn: "2025-01-01", sessionCount: 40 }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain("Nazwa edycji musi mieć co najmniej 3 znaki.");
    expect(JSON.stringify(response.body)).toContain("najwyżej 30 spotkań");
    const ends = await admin.post("/api/cohorts").send(cohortInput({ endsOn: "2025-01-01" }));
    expect(JSON.stringify(ends.body)).toContain("Edycja nie może skończyć się przed rozpoczęciem.");
    const same = await newCohort();
    const duplicate = await admin.post("/api/cohorts").send(cohortInput({ name: same.name }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe("Edycja o tej nazwie już istnieje.");
  });

  it("drops bidirectional control characters from names", async () => {
    const cohort = await newCohort({ name: "Etap \u202Eodwrócony\u202C III" });
    expect(cohort.name).toBe("Etap odwrócony III");
  });

  it("are not for members or experts (404)", async () => {
    expect((await memberA.get("/api/cohorts")).status).toBe(404);
    expect((await memberA.post("/api/cohorts").send(cohortInput())).status).toBe(404);
  });

  it("give demo groups made before cohorts their cohort by name", async () => {
    const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
    expect(group?.cohortId).toBeTruthy();
  });
});

describe("groups", () => {
  it("are created with their JSTs and the Ogólne and Spotkania categories at once", async () => {
    const cohort = await newCohort();
    const group = await newGroup(cohort.id, `gwd-nowa-${randomUUID().slice(0, 6)}`);
    expect(group).toMatchObject({ cohortId: cohort.id, cohort: cohort.name, archivedAt: null });
    expect(group.jsts.map((jst) => jst.teryt)).toEqual(["1261", "1219053"]);
    const detail = (await moderator.get(`/api/groups/${group.slug}`)).body as GroupDetail;
    expect(detail.categories.map((category) => category.name)).toEqual(["Ogólne", "Spotkania"]);
    expect(detail.can).toEqual({ seeRoster: true, manage: true });
    const listed = (await moderator.get("/api/cohorts")).body.cohorts as CohortView[];
    expect(listed.find((c) => c.id === cohort.id)?.groupCount).toBe(1);
  });

  it("refuse a bad address, a taken one, an unknown cohort or JST with Polish messages", async () => {
    const cohort = await newCohort();
    const bad = await moderator
      .post("/api/groups")
      .send({ name: "GW", slug: "Zły Adres", cohortId: "x", jsts: ["12"] });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body);
    expect(text).toContain("Adres grupy może mieć tylko małe litery");
    expect(text).toContain("Nazwa grupy musi mieć co najmniej 3 znaki.");
    expect(text).toContain("Wybierz edycję programu.");
    const taken = await moderator
      .post("/api/groups")
      .send({ name: "GWD Małopolska 2", slug: "gwd-malopolska", cohortId: cohort.id, jsts: [] });
    expect(taken.status).toBe(409);
    const unknownJst = await moderator
      .post("/api/groups")
      .send({ name: "GWD nieznana", slug: "gwd-nieznana-jst", cohortId: cohort.id, jsts: ["9999999"] });
    expect(unknownJst.status).toBe(400);
    expect(unknownJst.body.error.message).toContain("Nie ma w rejestrze TERYT jednostki o kodzie 9999999");
  });

  it("are edited (name, JSTs, cohort) with the change recorded", async () => {
    const [first, second] = [await newCohort(), await newCohort()];
    const group = await newGroup(first.id, `gwd-edycja-${randomUUID().slice(0, 6)}`);
    const edited = await moderator
      .patch(`/api/groups/${group.slug}`)
      .send({ name: "GWD po zmianie", jsts: ["1261"], cohortId: second.id });
    expect(edited.status).toBe(200);
    expect(edited.body.group).toMatchObject({ name: "GWD po zmianie", cohortId: second.id, cohort: second.name });
    const event = await Event.findOne({ name: "groups.update", "data.after.name": "GWD po zmianie" }).lean();
    expect(event?.data).toMatchObject({ after: { jsts: ["1261"], cohort: second.name } });
    expect((await memberA.patch("/api/groups/gwd-malopolska").send({ name: "Nie wolno" })).status).toBe(403);
    expect((await memberA.patch(`/api/groups/${group.slug}`).send({ name: "Nie wolno" })).status).toBe(404);
  });
});

describe("meeting numbers", () => {
  it("run up to the cohort's number of sessions", async () => {
    const cohort = await newCohort({ sessionCount: 4 });
    const group = await newGroup(cohort.id, `gwd-cztery-${randomUUID().slice(0, 6)}`);
    const plan = (number: number) => ({
      number,
      title: `Spotkanie ${number}`,
      firstDay: "2026-10-01",
      secondDay: "2026-10-02",
      startTime: "10:00",
      endTime: "15:00",
      venue: "Kraków",
    });
    const fifth = await moderator.post(`/api/groups/${group.slug}/meetings`).send(plan(5));
    expect(fifth.status).toBe(400);
    expect(fifth.body.error.message).toBe("Podaj numer spotkania od 1 do 4.");
    expect((await moderator.post(`/api/groups/${group.slug}/meetings`).send(plan(4))).status).toBe(201);
    expect((await moderator.get(`/api/groups/${group.slug}/meetings`)).body.sessionCount).toBe(4);
    const fewer = await moderator.patch(`/api/cohorts/${cohort.id}`).send({ sessionCount: 3 });
    expect(fewer.status).toBe(400);
    expect(fewer.body.error.message).toContain("spotkanie nr 4");
  });
});

describe("rosters", () => {
  it("list name, JST, position, role, joined, last active and sessions attended; staff and facilitators only", async () => {
    const response = await moderator.get("/api/groups/gwd-malopolska/members");
    expect(response.status).toBe(200);
    const rosterView = response.body as GroupRoster;
    const anna = rosterView.members.find((member) => member.username === "anna.kowalska");
    expect(anna).toMatchObject({ name: "Anna Kowalska", role: "member", jst: { teryt: expect.any(String) } });
    expect(typeof anna?.sessionsAttended).toBe("number");
    expect(rosterView.can.manageMembers).toBe(true);
    expect(rosterView.moveTargets.map((target) => target.slug)).not.toContain("gwd-malopolska");
    expect((await memberA.get("/api/groups/gwd-malopolska/members")).status).toBe(403);
    const csv = await moderator.get("/api/groups/gwd-malopolska/members.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.text).toContain("Anna Kowalska");
  });

  it("add existing people, refuse unknown ones in Polish, and find candidates by name", async () => {
    const candidates = await moderator.get("/api/groups/gwd-malopolska/member-candidates?q=kami");
    expect(candidates.body.candidates.map((c: { username: string }) => c.username)).toContain("marek.kaminski");
    const bad = await moderator.post("/api/groups/gwd-malopolska/members").send({ usernames: ["nikt.taki"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Nie ma aktywnego konta: nikt.taki.");
    const empty = await moderator.post("/api/groups/gwd-malopolska/members").send({ usernames: [] });
    expect(empty.body.error.message).toContain("Wybierz co najmniej jedną osobę.");
  });

  it("name a facilitator, who then moderates threads of that group only", async () => {
    const named = await moderator
      .put("/api/groups/gwd-malopolska/members/piotr.mazur/role")
      .send({ role: "facilitator" });
    expect(named.status).toBe(204);
    const piotr = await signedInAgent(server.url, PIOTR);
    const threadA = await firstThreadIn(piotr, "gwd-malopolska", "dyskusje");
    expect((await piotr.put(`/api/threads/${threadA}/pin`).send({ scope: "category" })).status).toBe(200);
    expect((await piotr.put(`/api/threads/${threadA}/lock`).send({ reason: "Porządek" })).status).toBe(200);
    expect((await piotr.delete(`/api/threads/${threadA}/lock`)).status).toBe(200);
    expect((await piotr.get("/api/groups/gwd-malopolska/members")).status).toBe(200);
    // Roster changes stay with ZMP.
    expect((await piotr.delete("/api/groups/gwd-malopolska/members/anna.kowalska")).status).toBe(403);
    // In another group he is a plain member: refused (403); where he is not at all, it does not exist (404).
    await moderator.post("/api/groups/gwd-lubelskie-dolnoslaskie/members").send({ usernames: ["piotr.mazur"] });
    const refreshed = await signedInAgent(server.url, PIOTR);
    const threadC = await firstThreadIn(moderator, "gwd-lubelskie-dolnoslaskie", "dyskusje");
    expect((await refreshed.put(`/api/threads/${threadC}/pin`).send({ scope: "category" })).status).toBe(403);
    const threadB = await firstThreadIn(moderator, "gwd-wielkopolska-pomorze", "dyskusje");
    expect((await refreshed.put(`/api/threads/${threadB}/pin`).send({ scope: "category" })).status).toBe(404);
    const event = await Event.findOne({ name: "groups.setMemberRole" }).sort({ createdAt: -1 }).lean();
    expect(event?.data).toMatchObject({ before: { role: "member" }, after: { role: "facilitator" } });
  });

  it("move a member to another group: history kept, the old group gone at once, live", async () => {
    const email = `przenoszona-${randomUUID().slice(0, 6)}@example.pl`;
    const { createNewMember } = await import("../support/people.js");
    const username = await createNewMember(email, "Ewa Przenoszona");
    const socket: ForumClient = await connectAs(server.url, email);
    const person = await signedInAgent(server.url, email);
    try {
      const threadA = await firstThreadIn(moderator, "gwd-malopolska", "dyskusje");
      expect((await joinThread(socket, threadA)).ok).toBe(true);
      const told = nextPush(socket, "groups.changed");
      const moved = await moderator
        .post(`/api/groups/gwd-malopolska/members/${username}/move`)
        .send({ toGroup: "gwd-wielkopolska-pomorze" });
      expect(moved.status).toBe(200);
      expect(await told).toMatchObject({
        joined: { slug: "gwd-wielkopolska-pomorze" },
        left: { slug: "gwd-malopolska" },
      });
      expect((await person.get("/api/groups/gwd-malopolska")).status).toBe(404);
      expect((await person.get("/api/groups/gwd-wielkopolska-pomorze")).status).toBe(200);
      // The open connection left the old group's thread: a re-join is refused.
      expect((await joinThread(socket, threadA)).ok).toBe(false);
      const user = await User.findOne({ email }).lean();
      const history = await Event.find({ "data.targetUserId": String(user?._id) }).lean();
      expect(history.map((event) => event.name)).toEqual(expect.arrayContaining(["groups.moveMember"]));
      // The person's card is found by the new group's members, no longer by the old group's.
      const [from, to] = await Promise.all([
        Group.findOne({ slug: "gwd-malopolska" }).lean(),
        Group.findOne({ slug: "gwd-wielkopolska-pomorze" }).lean(),
      ]);
      await waitFor(async () => {
        const card = await SearchEntry.findOne({ kind: "person", refId: user?._id }).lean();
        const groups = (card?.groupIds ?? []).map(String);
        return groups.includes(String(to?._id)) && !groups.includes(String(from?._id));
      });
      const bad = await moderator.post(`/api/groups/gwd-wielkopolska-pomorze/members/${username}/move`).send({});
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain("Wybierz grupę docelową.");
    } finally {
      socket.disconnect();
    }
  });

  it("remove a member: posts stay, access ends at once", async () => {
    const email = `usuwana-${randomUUID().slice(0, 6)}@example.pl`;
    const { createNewMember } = await import("../support/people.js");
    const username = await createNewMember(email, "Olga Usuwana");
    const person = await signedInAgent(server.url, email);
    expect((await person.get("/api/groups/gwd-malopolska")).status).toBe(200);
    expect((await moderator.delete(`/api/groups/gwd-malopolska/members/${username}`)).status).toBe(204);
    expect((await person.get("/api/groups/gwd-malopolska")).status).toBe(404);
    expect((await moderator.delete(`/api/groups/gwd-malopolska/members/${username}`)).status).toBe(404);
  });
});

describe("account approval", () => {
  it("suggests the groups holding the person's JST and places them in the chosen ones", async () => {
    const visitor = await (await import("../support/http.js")).csrfAgent(server.url);
    const email = `wniosek-${randomUUID().slice(0, 6)}@example.pl`;
    const requested = await visitor.post("/api/account-requests").send({
      email,
      name: "Jan Wnioskujący",
      password: "Sowa-Latarnia-Ogorek-47",
      jstTeryt: "1261",
      position: "Inspektor",
      addresseeGroup: "pracownik_operacyjny",
    });
    expect(requested.status).toBe(202);
    const user = await User.findOne({ email }).lean();
    const list = await moderator.get("/api/account-requests");
    expect(list.body.suggested[String(user?._id)]).toContain("gwd-malopolska");
    const unknown = await moderator.post(`/api/account-requests/${user?._id}/approve`).send({ groups: ["nie-ma"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Nie można dodać do grupy: nie-ma.");
    const approved = await moderator
      .post(`/api/account-requests/${user?._id}/approve`)
      .send({ groups: ["gwd-malopolska"] });
    expect(approved.status).toBe(200);
    const group = await Group.findOne({ slug: "gwd-malopolska" }).lean();
    expect(await Membership.exists({ groupId: group?._id, userId: user?._id })).toBeTruthy();
  });
});

describe("an archived group", () => {
  it("refuses every kind of write, over HTTP and the socket, and stays readable", async () => {
    const slug = "gwd-lubelskie-dolnoslaskie";
    const monika = await signedInAgent(server.url, MONIKA);
    const threadId = await firstThreadIn(monika, slug, "dyskusje");
    const thread = (await monika.get(`/api/threads/${threadId}`)).body;
    const detail = (await monika.get(`/api/groups/${slug}`)).body as GroupDetail;
    const discussion = detail.categories.find((category) => category.slug === "dyskusje");
    const own = await monika
      .post(`/api/threads/${threadId}/posts`)
      .send({ body: "Mój wpis przed archiwum.", clientId: randomUUID() });
    expect([201, 202]).toContain(own.status);
    const monikaId = String((await User.findOne({ email: MONIKA }).lean())?._id);
    const othersPost = (thread.posts as { id: string; author: { id: string } }[]).find(
      (post) => post.author.id !== monikaId,
    )?.id;
    const meetingId = await plannedMeetingOf(slug);
    await openRoom(server.url, meetingId);
    const socket = await connectAs(server.url, MONIKA);
    try {
      expect((await joinRoom(socket, meetingId)).ok).toBe(true);
      expect((await moderator.post(`/api/groups/${slug}/archive`)).status).toBe(200);
      expect((await moderator.post(`/api/groups/${slug}/archive`)).status).toBe(409);
      const fresh = await signedInAgent(server.url, MONIKA);
      const ARCHIVED =
        "Ta grupa jest w archiwum: jej treści można czytać, ale nie można w niej nic dodawać ani zmieniać.";
      const refusals = {
        reply: await fresh.post(`/api/threads/${threadId}/posts`).send({ body: "Odpowiedź.", clientId: randomUUID() }),
        newThread: await fresh
          .post(`/api/categories/${discussion?.id}/threads`)
          .send({ title: "Nowy wątek", body: "Treść.", clientId: randomUUID() }),
        reaction: othersPost ? await fresh.put(`/api/posts/${othersPost}/reactions/like`) : null,
        edit: own.body.post?.id ? await fresh.patch(`/api/posts/${own.body.post.id}`).send({ body: "Zmiana." }) : null,
        pin: await moderator.put(`/api/threads/${threadId}/pin`).send({ scope: "category" }),
        lock: await moderator.put(`/api/threads/${threadId}/lock`).send({ reason: "Koniec" }),
        meeting: await moderator.post(`/api/groups/${slug}/meetings`).send({
          number: 9,
          title: "Spotkanie po archiwum",
          firstDay: "2027-01-10",
          secondDay: "2027-01-11",
          startTime: "10:00",
          endTime: "15:00",
          venue: "Lublin",
        }),
        invitation: await moderator
          .post(`/api/groups/${slug}/invitations`)
          .send({ email: "po@example.pl", role: "member" }),
        addMember: await moderator.post(`/api/groups/${slug}/members`).send({ usernames: ["anna.kowalska"] }),
      };
      for (const [kind, response] of Object.entries(refusals)) {
        if (!response) continue;
        expect({ kind, status: response.status }).toEqual({ kind, status: 403 });
        expect({ kind, message: response.body.error.message }).toEqual({ kind, message: ARCHIVED });
      }
      const chat = await sendChat(socket, meetingId, "Czy ktoś tu jest?");
      expect(chat.ok).toBe(false);
      // Still readable by its members and staff, and still counted in the network.
      expect((await fresh.get(`/api/groups/${slug}`)).body.group.archivedAt).toEqual(expect.any(String));
      expect((await fresh.get(`/api/threads/${threadId}`)).status).toBe(200);
      const network = await memberA.get("/api/network");
      expect(network.body.groups.map((g: { slug: string }) => g.slug)).toContain(slug);
      expect((await moderator.delete(`/api/groups/${slug}/archive`)).status).toBe(200);
      const again = await signedInAgent(server.url, MONIKA);
      expect(
        (await again.post(`/api/threads/${threadId}/posts`).send({ body: "Znów można.", clientId: randomUUID() }))
          .status,
      ).not.toBe(403);
    } finally {
      socket.disconnect();
    }
  });
});
