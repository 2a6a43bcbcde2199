import type { AuthorSummary, UserSummary } from "@forum/shared";
import type { JstDocument } from "../queries/jstCatalogue.js";
import type { UserDocument } from "../models/User.js";
import { presentJst } from "./jstPresenter.js";

export const presentUser = (user: UserDocument, jst: JstDocument | null): UserSummary => ({
  id: user._id.toString(),
  name: user.name,
  email: user.email,
  role: user.role,
  position: user.position ?? null,
  addresseeGroup: user.addresseeGroup ?? null,
  jst: jst ? presentJst(jst) : null,
});

export const presentAuthor = (
  user: Pick<UserDocument, "_id" | "name">,
  jst: Pick<JstDocument, "name"> | null,
): AuthorSummary => ({
  id: user._id.toString(),
  name: user.name,
  jstName: jst?.name ?? null,
});
