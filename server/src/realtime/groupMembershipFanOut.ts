import type { GroupRole, GroupsChanged } from "@forum/shared";
import type { Logger } from "../logger.js";
import { anyOf } from "../db/anyOf.js";
import { Group } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { Thread } from "../models/Thread.js";
import { can } from "../policies/index.js";
import { eventBus } from "../infra/eventBus.js";
import type { ForumIo } from "./socketServer.js";
import { inEveryProcess } from "./inEveryProcess.js";
import { groupRoom, userRoom } from "./rooms.js";

const THREAD_ROOM = /^thread_([0-9a-f]{24})$/;
const MEETING_ROOM = /^meeting_([0-9a-f]{24})(?:_staff)?$/;

/**
 * Someone left a group (removed, or moved elsewhere): their open connections stop following it at
 * once. The connection's actor forgets the group, so later thread joins and room writes are refused,
 * and the connection leaves the group's room and every thread and meeting room of that group it is in
 * (unless the person still reads the group otherwise, e.g. as a moderator).
 */
const leaveGroupOnConnections = inEveryProcess(
  "group.farewell",
  async (io: ForumIo, { userId, groupId }: { userId: string; groupId: string }) => {
    for (const socket of await io.local.in(userRoom(userId)).fetchSockets()) {
      const actor = socket.data.actor;
      actor?.groups.delete(groupId);
      if (actor && can(actor, "read", "Group", { _id: groupId })) continue;
      socket.leave(groupRoom(groupId));
      const rooms = [...socket.rooms];
      const threadIds = rooms.flatMap((room) => THREAD_ROOM.exec(room)?.[1] ?? []);
      const meetingIds = rooms.flatMap((room) => MEETING_ROOM.exec(room)?.[1] ?? []);
      const [threads, meetings] = await Promise.all([
        threadIds.length ? Thread.find({ _id: anyOf(threadIds), groupId }, { _id: 1 }).lean() : [],
        meetingIds.length ? Meeting.find({ _id: anyOf(meetingIds), groupId }, { _id: 1 }).lean() : [],
      ]);
      for (const thread of threads) socket.leave(`thread_${thread._id.toString()}`);
      for (const meeting of meetings) {
        socket.leave(`meeting_${meeting._id.toString()}`);
        socket.leave(`meeting_${meeting._id.toString()}_staff`);
      }
    }
  },
);

/** Joined a group (added, moved in) or got another role there: the connection's actor learns it at once. */
const joinGroupOnConnections = inEveryProcess(
  "group.arrival",
  async (io: ForumIo, { userId, groupId, role }: { userId: string; groupId: string; role: GroupRole }) => {
    for (const socket of await io.local.in(userRoom(userId)).fetchSockets()) {
      socket.data.actor?.groups.set(groupId, role);
      socket.join(groupRoom(groupId));
    }
  },
);

/** A group was archived or restored: every open connection's actor learns it (the policies ask the actor). */
const markArchivedOnConnections = inEveryProcess(
  "group.archiveState",
  async (io: ForumIo, { groupId, archived }: { groupId: string; archived: boolean }) => {
    for (const socket of await io.local.fetchSockets()) {
      const archivedGroups = socket.data.actor?.archivedGroups;
      if (!archivedGroups) continue;
      if (archived) archivedGroups.add(groupId);
      else archivedGroups.delete(groupId);
    }
  },
);

/** Live side of programme administration: rosters and archiving change open connections at once. */
export function startGroupMembershipFanOut(io: ForumIo, logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    const fail = (error: unknown) => logger.error({ err: error, event: event.name }, "group fan-out failed");
    const tell = (userId: string, change: GroupsChanged) => io.to(userRoom(userId)).emit("groups.changed", change);
    const groupId = event.groupId?.toString() ?? null;
    if (!groupId) return;
    if (event.name === "groups.removeMember") {
      const { userId } = event.data;
      leaveGroupOnConnections(io, { userId, groupId })
        .then(() => Group.findById(groupId, { slug: 1, name: 1 }).lean())
        .then((group) => tell(userId, { joined: null, left: group ? { slug: group.slug, name: group.name } : null }))
        .catch(fail);
    } else if (event.name === "groups.moveMember") {
      const { userId, role, from, to } = event.data;
      joinGroupOnConnections(io, { userId, groupId: to.id, role })
        .then(() => leaveGroupOnConnections(io, { userId, groupId: from.id }))
        .then(() =>
          tell(userId, { joined: { slug: to.slug, name: to.name }, left: { slug: from.slug, name: from.name } }),
        )
        .catch(fail);
    } else if (event.name === "groups.setMemberRole") {
      joinGroupOnConnections(io, { userId: event.data.userId, groupId, role: event.data.after.role })
        .then(() => tell(event.data.userId, { joined: null, left: null }))
        .catch(fail);
    } else if (event.name === "groups.addMember") {
      Group.findById(groupId, { slug: 1, name: 1 })
        .lean()
        .then((group) =>
          tell(event.data.userId, { joined: group ? { slug: group.slug, name: group.name } : null, left: null }),
        )
        .catch(fail);
    } else if (event.name === "groups.archive" || event.name === "groups.unarchive") {
      const archived = event.name === "groups.archive";
      markArchivedOnConnections(io, { groupId, archived })
        .then(() => io.to(groupRoom(groupId)).emit("group.archived", { groupId, slug: event.data.slug, archived }))
        .catch(fail);
    }
  });
}
