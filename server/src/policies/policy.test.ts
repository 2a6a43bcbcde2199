import mongoose from "mongoose";
import type { Role } from "@forum/shared";
import type { Actor } from "./actor.js";
import { authorize, can } from "./index.js";

const groupA = new mongoose.Types.ObjectId();
const groupB = new mongoose.Types.ObjectId();

function actor(role: Role, groups: mongoose.Types.ObjectId[] = [], status: Actor["status"] = "active"): Actor {
  return {
    id: new mongoose.Types.ObjectId().toString(),
    role,
    status,
    groups: new Map(groups.map((id) => [id.toString(), "member"])),
  };
}

const actors: Record<string, Actor | null> = {
  visitor: null,
  memberA: actor("member", [groupA]),
  memberB: actor("member", [groupB]),
  expert: actor("expert", [groupB]),
  moderator: actor("moderator"),
  admin: actor("admin"),
  suspended: actor("member", [groupA], "suspended"),
};

const threadInA = { groupId: groupA };
const networkThread = { groupId: null };
const announcementsInA = { groupId: groupA, kind: "announcements" as const };
const discussionInA = { groupId: groupA, kind: "discussion" as const };
const memberAId = new mongoose.Types.ObjectId(actors.memberA?.id);
const postByMemberAInA = { groupId: groupA, authorId: memberAId, deletedAt: null };
const deletedPostByMemberAInA = { ...postByMemberAInA, deletedAt: new Date() };
const otherPerson = { id: new mongoose.Types.ObjectId().toString(), role: "member" as const, directoryListing: false };
const personInA = { ...otherPerson, groupIds: [groupA.toString()] };
const listedPersonInA = { ...personInA, directoryListing: true };

describe.each([
  ["Group", "read", { _id: groupA }, ["memberA", "expert", "moderator", "admin"]],
  ["Group", "manage", { _id: groupA }, ["moderator", "admin"]],
  ["Programme", "createGroup", null, ["moderator", "admin"]],
  ["Thread", "read", threadInA, ["memberA", "expert", "moderator", "admin"]],
  ["Thread", "reply", threadInA, ["memberA", "moderator", "admin"]],
  ["Thread", "restructure", threadInA, ["moderator", "admin"]],
  ["Thread", "restructure", networkThread, ["moderator", "admin"]],
  ["Thread", "read", networkThread, ["memberA", "memberB", "expert", "moderator", "admin"]],
  ["Thread", "reply", networkThread, ["memberA", "memberB", "expert", "moderator", "admin"]],
  ["Category", "read", discussionInA, ["memberA", "expert", "moderator", "admin"]],
  ["Category", "createThread", discussionInA, ["memberA", "moderator", "admin"]],
  ["Category", "createThread", announcementsInA, ["moderator", "admin"]],
  ["Post", "read", postByMemberAInA, ["memberA", "expert", "moderator", "admin"]],
  ["Post", "edit", postByMemberAInA, ["memberA", "moderator", "admin"]],
  ["Post", "delete", postByMemberAInA, ["memberA", "moderator", "admin"]],
  ["Post", "react", postByMemberAInA, ["expert", "moderator", "admin"]],
  ["Post", "readRevisions", postByMemberAInA, ["memberA", "expert", "moderator", "admin"]],
  ["Post", "readRevisions", deletedPostByMemberAInA, ["moderator", "admin"]],
  ["Person", "read", personInA, ["memberA", "expert", "moderator", "admin"]],
  ["Person", "read", listedPersonInA, ["memberA", "memberB", "expert", "moderator", "admin"]],
  ["PersonalData", "handleRequests", null, ["admin"]],
] as const)("%s:%s on %o", (subjectType, action, subject, allowed) => {
  it.each(Object.keys(actors))("%s", (name) => {
    expect(can(actors[name] ?? null, action, subjectType, subject)).toBe((allowed as readonly string[]).includes(name));
  });
});

describe("authorize", () => {
  it("asks a visitor to sign in", () => {
    expect(() => authorize(null, "read", "Thread", threadInA)).toThrow(expect.objectContaining({ status: 401 }));
  });
  it("hides another group's thread as not found", () => {
    expect(() => authorize(actors.memberB ?? null, "read", "Thread", threadInA)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
  it("forbids what the actor can see but not do", () => {
    expect(() => authorize(actors.expert ?? null, "reply", "Thread", threadInA)).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
  it("fails loudly for an undeclared action", () => {
    expect(() => can(actors.admin ?? null, "fly", "Thread", threadInA)).toThrow(/No policy declared/);
  });
});

describe("silence", () => {
  const silenced: Actor = { ...actor("member", [groupA]), silence: { reason: "Spam", until: null } };
  const lapsed: Actor = {
    ...actor("member", [groupA]),
    silence: { reason: "Spam", until: new Date(Date.now() - 1000) },
  };
  const othersPost = { groupId: groupA, authorId: new mongoose.Types.ObjectId(), deletedAt: null };

  it("leaves reading alone but refuses replying, starting threads and reacting", () => {
    expect(can(silenced, "read", "Thread", threadInA)).toBe(true);
    expect(can(silenced, "read", "Post", othersPost)).toBe(true);
    expect(can(silenced, "reply", "Thread", threadInA)).toBe(false);
    expect(can(silenced, "createThread", "Category", discussionInA)).toBe(false);
    expect(can(silenced, "react", "Post", othersPost)).toBe(false);
  });

  it("says why and until when", () => {
    expect(() => authorize(silenced, "reply", "Thread", threadInA)).toThrow(
      expect.objectContaining({ status: 403, message: "Twoje konto jest wyciszone do odwołania: Spam" }),
    );
  });

  it("ends by itself once its end date has passed", () => {
    expect(can(lapsed, "reply", "Thread", threadInA)).toBe(true);
    expect(can(lapsed, "react", "Post", othersPost)).toBe(true);
  });
});

describe("moderating people", () => {
  const member = { _id: new mongoose.Types.ObjectId(), role: "member" as const };
  const moderatorUser = { _id: new mongoose.Types.ObjectId(), role: "moderator" as const };
  it.each(["suspend", "silence"])("%s: moderators act on members, admins also on moderators", (action) => {
    expect(can(actors.moderator ?? null, action, "User", member)).toBe(true);
    expect(can(actors.moderator ?? null, action, "User", moderatorUser)).toBe(false);
    expect(can(actors.admin ?? null, action, "User", moderatorUser)).toBe(true);
    expect(can(actors.expert ?? null, action, "User", member)).toBe(false);
  });
});
