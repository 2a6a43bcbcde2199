import type mongoose from "mongoose";
import type { AuthorSummary } from "@forum/shared";
import { User } from "../models/User.js";
import { presentAuthor } from "../presenters/userPresenter.js";
import { anyOf } from "../db/anyOf.js";
import { jstsByIds } from "./jstCatalogue.js";

/** Loads the names and JSTs of the given authors in two queries. */
export async function loadAuthors(ids: mongoose.Types.ObjectId[]): Promise<Map<string, AuthorSummary>> {
  const unique = [...new Map(ids.map((id) => [id.toString(), id])).values()];
  const users = await User.find({ _id: anyOf(unique) }, { name: 1, jstId: 1 }).lean();
  const jstIds = users.flatMap((user) => (user.jstId ? [user.jstId] : []));
  const jstNames = await jstsByIds(jstIds);
  return new Map(
    users.map((user) => [
      user._id.toString(),
      presentAuthor(user, user.jstId ? (jstNames.get(user.jstId.toString()) ?? null) : null),
    ]),
  );
}
