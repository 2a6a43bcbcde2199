import { applyUserChanges } from "../models/applyUserChanges.js";
import type { UserDocument } from "../models/User.js";
import { deleteAvatar, storeAvatar } from "../infra/avatarStorage.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AvatarChangerProps {
  user: UserDocument;
  /** The uploaded image, or null to remove the avatar. */
  upload: Buffer | null;
  dataDir: string;
  context?: RequestContext;
}

/** Sets or removes a user's avatar; the previous file is deleted once the new one is in place. */
export async function avatarChanger(props: AvatarChangerProps): Promise<UserDocument> {
  const fileName = props.upload ? await storeAvatar(props.dataDir, props.user._id.toString(), props.upload) : null;
  const updated = await applyUserChanges(props.user._id, { avatarFile: fileName });
  await deleteAvatar(props.dataDir, props.user.avatarFile);
  await recordEvent({
    name: fileName ? "users.setAvatar" : "users.removeAvatar",
    actorId: props.user._id,
    subjectType: "User",
    subjectId: props.user._id,
    data: {},
    context: props.context,
  });
  return updated;
}
