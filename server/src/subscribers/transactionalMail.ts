import type mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { Group } from "../models/Group.js";
import { Invitation } from "../models/Invitation.js";
import { Meeting } from "../models/Meeting.js";
import { anyOf } from "../db/anyOf.js";
import { polishDateTime, polishDateTimeRange } from "../domain/warsawTime.js";
import { User } from "../models/User.js";
import { eventBus } from "../infra/eventBus.js";
import { mailer, type MailMessage } from "../infra/mailer.js";
import { mailLinks, mailTemplates } from "../infra/mailTemplates.js";
import { dispatchEvent, handles, type EventHandlers } from "../events/eventHandlers.js";
import type { PublishedEvent } from "../events/forumEvent.js";

/** The person an e-mail goes to (or is about), as written now. */
const personOf = (userId: mongoose.Types.ObjectId | string | null) =>
  userId ? User.findById(userId, { email: 1, name: 1 }).lean() : Promise.resolve(null);

const groupOf = (groupId: mongoose.Types.ObjectId | null) =>
  groupId ? Group.findById(groupId, { name: 1, slug: 1 }).lean() : Promise.resolve(null);

/**
 * The forum's transactional e-mails, each the consequence of one recorded event: commands record what happened,
 * this decides who is told by e-mail. A secret link's token reaches it in the event's `transient` part, which is
 * never stored. Sent without making anyone wait; a failure is logged (the change itself stands).
 */
const MAILS: EventHandlers<undefined, Promise<MailMessage | MailMessage[] | null>> = {
  /** One e-mail to each member who had not answered the sign-up when the moderator asked for the reminder. */
  "meetings.remindRegistrations": async (event) => {
    const [meeting, group, people] = await Promise.all([
      Meeting.findById(event.subjectId, {
        number: 1,
        title: 1,
        startsAt: 1,
        endsAt: 1,
        registrationClosesAt: 1,
      }).lean(),
      groupOf(event.groupId),
      User.find({ _id: anyOf(event.data.recipientIds), status: "active" }, { email: 1, name: 1 })
        .limit(event.data.recipientIds.length)
        .lean(),
    ]);
    if (!meeting || !group) return null;
    return people.map((person) =>
      mailTemplates.registrationReminder({
        to: person.email,
        name: person.name,
        groupName: group.name,
        meetingNumber: meeting.number,
        meetingTitle: meeting.title,
        when: polishDateTimeRange(meeting.startsAt, meeting.endsAt),
        closesAt: meeting.registrationClosesAt ? polishDateTime(meeting.registrationClosesAt) : null,
        link: mailer().link(mailLinks.meeting(meeting._id.toString())),
      }),
    );
  },
  "invitations.create": (event) => invitationMail(event, event.data.after.email),
  "invitations.resend": async (event) =>
    invitationMail(event, (await Invitation.findById(event.subjectId, { email: 1 }).lean())?.email),
  /** Someone else (a moderator inviting an existing account) added the person to a group. */
  "groups.addMember": async (event) => {
    if (!event.actorId || event.actorId.toString() === event.data.userId) return null;
    const [member, group, inviter] = await Promise.all([
      personOf(event.data.userId),
      groupOf(event.groupId),
      personOf(event.actorId),
    ]);
    if (!member || !group) return null;
    return mailTemplates.addedToGroup({
      to: member.email,
      name: member.name,
      groupName: group.name,
      inviterName: inviter?.name ?? "",
      link: mailer().link(mailLinks.group(group.slug)),
    });
  },
  "users.request": async (event) => {
    const person = await personOf(event.subjectId);
    return person && mailTemplates.accountRequestReceived({ to: event.data.after.email, name: person.name });
  },
  "users.requestForExisting": async (event) => {
    const person = await personOf(event.subjectId);
    if (!person) return null;
    return event.data.status === "active" || event.data.status === "suspended"
      ? mailTemplates.accountAlreadyExists({
          to: person.email,
          name: person.name,
          loginLink: mailer().link(mailLinks.login),
          resetLink: mailer().link(mailLinks.passwordResetRequest),
        })
      : mailTemplates.accountRequestAlreadyWaiting({ to: person.email, name: person.name });
  },
  "users.approveRequest": async (event) => {
    const person = await personOf(event.subjectId);
    return (
      person &&
      mailTemplates.accountApproved({ to: person.email, name: person.name, loginLink: mailer().link(mailLinks.login) })
    );
  },
  "users.rejectRequest": async (event) => {
    const person = await personOf(event.subjectId);
    return (
      person &&
      mailTemplates.accountRejected({ to: person.email, name: person.name, moderatorMessage: event.data.message })
    );
  },
  "users.passwordResetRequest": async (event) => {
    const person = await personOf(event.subjectId);
    return (
      person &&
      mailTemplates.passwordReset({
        to: person.email,
        name: person.name,
        link: mailer().link(mailLinks.passwordReset(event.transient.token)),
        validMinutes: event.transient.validMinutes,
      })
    );
  },
};

/** An invitation's link (a new one when resent), from the person who sent it. */
async function invitationMail(
  event: PublishedEvent<"invitations.create" | "invitations.resend">,
  to: string | undefined,
): Promise<MailMessage | null> {
  const [group, inviter] = await Promise.all([groupOf(event.groupId), personOf(event.actorId)]);
  if (!to || !group) return null;
  return mailTemplates.invitation({
    to,
    groupName: group.name,
    inviterName: inviter?.name ?? "",
    link: mailer().link(mailLinks.invitation(event.transient.token)),
    validHours: event.transient.validHours,
  });
}

export function startTransactionalMail(logger: Logger): () => void {
  return eventBus.subscribe((event) => {
    if (!handles(MAILS, event)) return;
    dispatchEvent(MAILS, event.name, event, undefined)
      ?.then((mail) =>
        Promise.all((Array.isArray(mail) ? mail : mail ? [mail] : []).map((one) => mailer().sendMail(one))),
      )
      .catch((error: unknown) => logger.error({ err: error, event: event.name }, "e-mail not sent"));
  });
}
