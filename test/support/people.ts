import { groupMemberAdder } from "../../server/src/commands/groupMemberAdder.js";
import { userCreator } from "../../server/src/commands/userCreator.js";
import { Group } from "../../server/src/models/Group.js";
import { DEMO_PASSWORD } from "./http.js";

/** A brand-new member of a group (no posts yet), made through the same commands an invitation uses. */
export async function createNewMember(email: string, name: string, groupSlug = "gwd-malopolska"): Promise<string> {
  const group = await Group.findOne({ slug: groupSlug }).lean();
  if (!group) throw new Error(`no group ${groupSlug}`);
  const user = await userCreator({
    email,
    password: DEMO_PASSWORD,
    name,
    role: "member",
    jstId: null,
    position: "Inspektor",
    addresseeGroup: "pracownik_operacyjny",
    actorId: null,
  });
  await groupMemberAdder({ groupId: group._id, userId: user._id, role: "member", actorId: null });
  return user.username;
}
