import { Router, type Request, type Response } from "express";
import { endpoints, warsawMonthRange } from "@forum/shared";
import type { CalendarFeedLinks, CalendarMonthView, CalendarTokenStatus } from "@forum/shared";
import { calendarTokenCreator } from "../commands/calendarTokenCreator.js";
import { calendarTokenRevoker } from "../commands/calendarTokenRevoker.js";
import type { Config } from "../config.js";
import { anyOf } from "../db/anyOf.js";
import { atLeast, lessThan } from "../db/comparisons.js";
import { notFound } from "../errors/AppError.js";
import { route, sent } from "../http/declareRoute.js";
import { CalendarFeedToken } from "../models/CalendarFeedToken.js";
import { type GroupDocument } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { User } from "../models/User.js";
import { loadActor, type Actor } from "../policies/actor.js";
import { can } from "../policies/index.js";
import { presentMeeting } from "../presenters/meetingPresenter.js";
import { presentMyRegistration } from "../presenters/meetingRegistrationPresenter.js";
import { myRegistrations } from "../queries/meetingRegistrations.js";
import { calendarGroups, meetingsCalendar, meetingsOfGroups } from "../queries/meetingCalendar.js";
import { hashSecretToken } from "../infra/secretTokens.js";

/** Where the forum is reached: the configured public address, else the address this request came to. */
export const baseUrlOf = (config: Config, req: Request): string =>
  (config.PUBLIC_URL ?? `${req.protocol}://${req.get("host") ?? "localhost"}`).replace(/\/$/, "");

/** The person a feed token belongs to, while the token is current and the account active; else 404. */
async function feedOwner(token: string): Promise<Actor> {
  const stored = await CalendarFeedToken.findOne({ tokenHash: hashSecretToken(token) }).lean();
  const user = stored ? await User.findById(stored.userId).lean() : null;
  if (!user) throw notFound();
  const actor = await loadActor(user);
  if (actor.status !== "active") throw notFound();
  return actor;
}

function sendCalendar(res: Response, body: string, fileName: string) {
  res.setHeader("Cache-Control", "private, max-age=300");
  res.setHeader("Content-Disposition", `inline; filename="${fileName}"`);
  return sent(res.type("text/calendar; charset=utf-8").send(body));
}

export function calendarRoutes(config: Config): Router {
  const router = Router();

  route(router, endpoints.meetings.calendar, async ({ actor, query }) => {
    const { month } = query();
    const { from, to } = warsawMonthRange(month);
    const groups = await calendarGroups(actor);
    const groupById = new Map(groups.map((group) => [group._id.toString(), group]));
    const meetings = groups.length
      ? await Meeting.find({
          groupId: anyOf(groups.map((group) => group._id)),
          startsAt: lessThan(to),
          endsAt: atLeast(from),
        })
          .sort({ startsAt: 1 })
          .lean()
      : [];
    const mine = await myRegistrations(
      actor.id,
      meetings.map((meeting) => meeting._id),
    );
    const body: CalendarMonthView = {
      month,
      meetings: meetings.map((meeting) => {
        const group = groupById.get(meeting.groupId.toString());
        const registration = mine.get(meeting._id.toString());
        const shown = presentMeeting(meeting, { slug: group?.slug ?? "", name: group?.name ?? "" });
        // Only the group's own people sign up: others (experts, ZMP) see no status.
        if (!actor.groups.has(meeting.groupId.toString())) return shown;
        return { ...shown, myRegistration: registration ? presentMyRegistration(registration) : null };
      }),
    };
    return body;
  });

  route(router, endpoints.meetings.calendarFeed, async ({ params }, req, res) => {
    const actor = await feedOwner(params.token);
    const groups = await calendarGroups(actor);
    const groupById = new Map(groups.map((group) => [group._id.toString(), group]));
    const calendar = meetingsCalendar(await meetingsOfGroups(groups), groupById, {
      baseUrl: baseUrlOf(config, req),
      name: "Forum Współpracy JST – moje spotkania",
    });
    return sendCalendar(res, calendar, "spotkania.ics");
  });

  route(router, endpoints.meetings.groupCalendarFeed, async ({ params }, req, res) => {
    const actor = await feedOwner(params.token);
    const groups = await calendarGroups(actor);
    const group = groups.find((candidate) => candidate.slug === params.slug);
    if (!group || !can(actor, "read", "Group", group)) throw notFound();
    const calendar = meetingsCalendar(await meetingsOfGroups([group]), new Map([[group._id.toString(), group]]), {
      baseUrl: baseUrlOf(config, req),
      name: `Forum Współpracy JST – ${group.name}`,
    });
    return sendCalendar(res, calendar, `${group.slug}.ics`);
  });

  route(router, endpoints.account.calendarToken, async ({ user }) => {
    const stored = await CalendarFeedToken.findOne({ userId: user._id }).lean();
    const body: CalendarTokenStatus = {
      active: stored !== null,
      createdAt: stored?.createdAt?.toISOString() ?? null,
      links: null,
    };
    return body;
  });

  route(router, endpoints.account.newCalendarToken, async ({ actor, user, context }, req) => {
    const { token, createdAt } = await calendarTokenCreator({ userId: user._id, context });
    const base = `${baseUrlOf(config, req)}/api/calendar/feeds/${token}`;
    // One feed per group the person belongs to; staff and experts read every group, but listing
    // a hundred feeds would help nobody (the personal one has them all).
    const ownGroups = (await calendarGroups(actor)).filter((group) => actor.groups.has(group._id.toString()));
    const links: CalendarFeedLinks = {
      personalUrl: `${base}.ics`,
      groups: ownGroups.map((group: GroupDocument) => ({
        slug: group.slug,
        name: group.name,
        url: `${base}/groups/${encodeURIComponent(group.slug)}.ics`,
      })),
    };
    const body: CalendarTokenStatus = { active: true, createdAt: createdAt.toISOString(), links };
    return body;
  });

  route(router, endpoints.account.revokeCalendarToken, async ({ user, context }) => {
    await calendarTokenRevoker({ userId: user._id, context });
  });

  return router;
}
