/** Importing this registers every model, so indexes are created at connect time. */
export { Category } from "./Category.js";
export { Event } from "./Event.js";
export { Group } from "./Group.js";
export { Invitation } from "./Invitation.js";
export { Jst } from "./Jst.js";
export { Membership } from "./Membership.js";
export { PasswordResetToken } from "./PasswordResetToken.js";
export { Post } from "./Post.js";
export { PostRevision } from "./PostRevision.js";
export { Reaction } from "./Reaction.js";
export { ReadPosition } from "./ReadPosition.js";
export { Thread } from "./Thread.js";
export { User } from "./User.js";
