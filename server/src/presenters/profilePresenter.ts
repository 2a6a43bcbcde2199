import type { ProfileView } from "@forum/shared";
import type { UserDocument } from "../models/User.js";
import { jstById } from "../queries/jstCatalogue.js";
import { presentUser } from "./userPresenter.js";

export const avatarUrl = (user: Pick<UserDocument, "_id" | "avatarFile">): string | null =>
  user.avatarFile
    ? `/api/users/${user._id.toString()}/avatar?v=${encodeURIComponent(user.avatarFile.slice(-17, -5))}`
    : null;

export async function presentProfile(user: UserDocument): Promise<ProfileView> {
  const jst = user.jstId ? await jstById(user.jstId) : null;
  return {
    ...presentUser(user, jst),
    bio: user.bio ?? "",
    expertise: user.expertise ?? [],
    language: user.language ?? "pl",
    avatarUrl: avatarUrl(user),
    consents: {
      digest: user.consents?.digest ?? "off",
      mentionEmails: user.consents?.mentionEmails ?? false,
      directoryListing: user.consents?.directoryListing ?? false,
      newsletter: user.consents?.newsletter ?? false,
    },
  };
}
