import { Router } from "express";
import { endpoints, USERNAME_PATTERN } from "@forum/shared";
import { AppError, notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Membership } from "../models/Membership.js";
import { User } from "../models/User.js";
import { authorize } from "../policies/index.js";
import type { PersonSubject } from "../policies/personPolicy.js";
import { loadAuthors } from "../queries/authorDirectory.js";
import { effectiveStatus } from "../domain/userStatus.js";

/** People's cards, found by the username a mention carries. */
export function personRoutes(): Router {
  const router = Router();

  route(router, endpoints.network.person, async ({ actor, params }) => {
    const username = params.username.toLowerCase();
    if (!USERNAME_PATTERN.test(username)) throw notFound();
    const user = await User.findOne(
      { username },
      { name: 1, username: 1, role: 1, status: 1, suspension: 1, position: 1, consents: 1 },
    ).lean();
    // The card of an erased account says only that (its username is the anonymous "usuniety-n").
    if (user?.status === "erased") throw new AppError(410, "account_erased", "Konto usunięte.");
    if (!user) throw notFound();
    const memberships = await Membership.find({ userId: user._id }, { groupId: 1 }).lean();
    const subject: PersonSubject = {
      id: user._id.toString(),
      role: user.role,
      groupIds: memberships.map((membership) => membership.groupId.toString()),
      directoryListing: user.consents?.directoryListing ?? false,
      status: effectiveStatus(user),
    };
    authorize(actor, "read", "Person", subject);
    const author = (await loadAuthors([user._id])).get(user._id.toString());
    return {
      person: {
        id: subject.id,
        name: user.name,
        username: user.username,
        jstName: author?.jstName ?? null,
        position: user.position ?? null,
      },
    };
  });

  return router;
}
