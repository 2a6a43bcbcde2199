import type { AccountRequestInput } from "@forum/shared";
import { isDuplicateKeyError } from "../db/duplicateKey.js";
import { User, type UserDocument } from "../models/User.js";
import { jstByTeryt } from "../queries/jstByTeryt.js";
import { hashPassword } from "../infra/passwords.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface AccountRequesterProps {
  /** The request form (parsed with accountRequestSchema; e-mail lower-cased). */
  input: AccountRequestInput;
  context?: RequestContext;
}

/**
 * Someone asks for an account: a pending user waits for a moderator and gets a "we got it" e-mail.
 * If the address already has an account, nothing is created and that address is told so by
 * e-mail instead; the caller answers both cases the same way, and both spend a password hash,
 * so neither the answer nor its timing tells whether the address is registered.
 */
export async function accountRequester(props: AccountRequesterProps): Promise<void> {
  const { input } = props;
  const jst = await jstByTeryt(input.jstTeryt);
  const passwordHash = await hashPassword(input.password);
  const existing = await User.findOne({ email: input.email }).lean();
  if (existing) return tellExistingAccount(existing, props.context);

  let created: UserDocument;
  try {
    const document = await User.create({
      email: input.email,
      passwordHash,
      name: input.name,
      role: "member",
      status: "pending",
      jstId: jst._id,
      position: input.position,
      addresseeGroup: input.addresseeGroup,
      requestMessage: input.message,
    });
    created = document.toObject() as UserDocument;
  } catch (error) {
    // Two requests for one address at once: the second is the "already exists" case.
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await User.findOne({ email: input.email }).lean();
    if (winner) await tellExistingAccount(winner, props.context);
    return;
  }
  await recordEvent({
    name: "users.request",
    actorId: null,
    subjectType: "User",
    subjectId: created._id,
    data: { after: { email: created.email, status: "pending", jstTeryt: jst.teryt } },
    context: props.context,
  });
}

async function tellExistingAccount(user: UserDocument, context: RequestContext | undefined): Promise<void> {
  await recordEvent({
    name: "users.requestForExisting",
    actorId: null,
    subjectType: "User",
    subjectId: user._id,
    data: { status: user.status },
    context,
  });
}
