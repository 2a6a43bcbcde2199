import { Router } from "express";
import { endpoints, type ActivityThread, type HomeOverview } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { atLeast, greaterThan, notEqual } from "../db/comparisons.js";
import { route } from "../http/declareRoute.js";
import { Category } from "../models/Category.js";
import { Group } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { Thread, type ThreadDocument } from "../models/Thread.js";
import { loadGloballyPinned } from "../queries/pinnedThreads.js";
import { activePin } from "../domain/threadState.js";
import { can } from "../policies/index.js";
import { presentMeeting } from "../presenters/meetingPresenter.js";
import { presentThreadSummary } from "../presenters/postPresenter.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { loadTags, loadTaxonomy } from "../queries/tagDirectory.js";

const WHATS_NEW_LIMIT = 8;
const UPCOMING_LIMIT = 5;
const NETWORK = { slug: "", name: "Sieć liderów" };

/** The signed-in home page: new activity in my spaces since my previous visit, and my next sessions. */
export function homeRoutes(): Router {
  const router = Router();

  route(router, endpoints.network.home, async ({ actor, user }) => {
    const myGroupIds = [...actor.groups.keys()];
    const since = user.previousVisitAt ?? null;
    // Staff and experts read every group, but "my" activity and sessions are those of my groups.
    const spaces =
      can(actor, "readAll", "Group", null) && myGroupIds.length === 0 ? {} : { groupId: anyOf([...myGroupIds, null]) };
    const [threads, meetings, pinnedThreads] = await Promise.all([
      Thread.find({ ...spaces, mergedIntoId: null, ...(since ? { lastPostAt: greaterThan(since) } : {}) })
        .sort({ lastPostAt: -1 })
        .limit(WHATS_NEW_LIMIT)
        .lean(),
      Meeting.find({ groupId: anyOf(myGroupIds), endsAt: atLeast(new Date()), status: notEqual("closed") })
        .sort({ startsAt: 1 })
        .limit(UPCOMING_LIMIT)
        .lean(),
      loadGloballyPinned(actor),
    ]);
    const listed = [...threads, ...pinnedThreads];
    const groupIds = [
      ...listed.flatMap((thread) => (thread.groupId ? [thread.groupId] : [])),
      ...meetings.map((m) => m.groupId),
    ];
    const [authors, tags, groups, categories] = await Promise.all([
      loadAuthors(listed.map((thread) => thread.authorId)),
      loadTags(listed.flatMap((thread) => thread.tags)),
      groupIds.length ? Group.find({ _id: anyOf(groupIds) }, { slug: 1, name: 1 }).lean() : [],
      listed.length ? Category.find({ _id: anyOf(listed.map((t) => t.categoryId)) }, { name: 1 }).lean() : [],
    ]);
    const groupById = new Map(groups.map((group) => [group._id.toString(), { slug: group.slug, name: group.name }]));
    const categoryById = new Map(categories.map((category) => [category._id.toString(), category.name]));
    const activity = (thread: ThreadDocument): ActivityThread => ({
      ...presentThreadSummary(thread, authors, tags),
      category: { id: thread.categoryId.toString(), name: categoryById.get(thread.categoryId.toString()) ?? "" },
      group: thread.groupId ? (groupById.get(thread.groupId.toString()) ?? NETWORK) : NETWORK,
    });
    const whatsNew = threads.map(activity);
    const overview: HomeOverview = {
      since: since ? since.toISOString() : null,
      whatsNew,
      pinned: pinnedThreads.map((thread) => ({ ...activity(thread), pin: activePin(thread) })),
      upcomingMeetings: meetings.map((meeting) =>
        presentMeeting(meeting, groupById.get(meeting.groupId.toString()) ?? NETWORK),
      ),
    };
    return overview;
  });

  route(router, endpoints.tags.taxonomy, async ({ actor }) => ({ tagGroups: await loadTaxonomy(actor) }));

  return router;
}
