import type mongoose from "mongoose";
import type { ProfileUpdateInput } from "@forum/shared";
import { anyOf } from "../db/anyOf.js";
import { badRequest } from "../errors/AppError.js";
import { Tag } from "../models/Tag.js";
import { jstWithTeryt } from "../queries/jstCatalogue.js";
import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface ProfileUpdaterProps {
  user: UserDocument;
  /** Validated by profileUpdateSchema. */
  changes: ProfileUpdateInput;
  actorId: mongoose.Types.ObjectId;
  context?: RequestContext;
}

export async function profileUpdater(props: ProfileUpdaterProps): Promise<UserDocument> {
  const { changes } = props;
  let jstId: mongoose.Types.ObjectId | null = null;
  if (changes.jstTeryt) {
    const jst = await jstWithTeryt(changes.jstTeryt);
    if (!jst) throw badRequest("Nie ma takiej JST w rejestrze TERYT.", { jstTeryt: "Wybierz JST z listy." });
    jstId = jst._id;
  }
  const expertise = [...new Set(changes.expertise)];
  if (expertise.length > 0) {
    const known = new Set(await Tag.distinct("slug", { slug: anyOf(expertise) }));
    if (expertise.some((slug) => !known.has(slug))) {
      throw badRequest("Wybierz obszary z listy tagów.", { expertise: "Wybierz obszary z listy." });
    }
  }
  const after = {
    name: changes.name,
    jstId,
    position: changes.position,
    addresseeGroup: changes.addresseeGroup,
    bio: changes.bio,
    expertise,
    language: changes.language,
  };
  const before = Object.fromEntries(
    Object.keys(after).map((key) => [key, props.user[key as keyof typeof after] ?? null]),
  );
  const updated = await applyUserChanges(props.user._id, after);
  await recordEvent({
    name: "users.updateProfile",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { before, after },
    context: props.context,
  });
  return updated;
}
