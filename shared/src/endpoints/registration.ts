import type { AdminUserView, GroupChoice, InvitationView, JstSummary, UserSummary } from "../index.js";
import { accountApprovalSchema } from "../programme.js";
import {
  accountRequestRejectSchema,
  accountRequestSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  jstSearchQuerySchema,
} from "../schemas/account.js";
import { defineEndpoints, json, objectId } from "./endpoint.js";

/** What an invitation link shows before it is accepted. */
export interface InvitationPreview {
  email: string;
  /** What the coordinator's participant list said, to prefill the form (null when invited by hand). */
  prefill?: { name: string; jst: JstSummary | null; position: string } | null;
  group: { name: string };
  expiresAt: string;
}

/** Joining the forum: the TERYT register, account requests and group invitations. */
export const registrationEndpoints = defineEndpoints("Rejestracja", {
  jsts: {
    method: "get",
    path: "/jsts",
    summary: "Wyszukiwanie JST",
    signedIn: false,
    query: jstSearchQuerySchema,
    response: json<{ jsts: JstSummary[] }>(),
  },
  voivodeships: {
    method: "get",
    path: "/voivodeships",
    summary: "Województwa",
    signedIn: false,
    response: json<{ voivodeships: { code: string; name: string }[] }>(),
  },
  requestAccount: {
    method: "post",
    path: "/account-requests",
    summary: "Wniosek o konto",
    signedIn: false,
    body: accountRequestSchema,
    status: 202,
    response: json<{ message: string }>(),
  },
  accountRequests: {
    method: "get",
    path: "/account-requests",
    summary: "Wnioski o konto do rozpatrzenia",
    signedIn: true,
    /** `groups`: where a person may be placed; `suggested`: by request id, the groups that already hold its JST. */
    response: json<{ requests: AdminUserView[]; groups: GroupChoice[]; suggested: Record<string, string[]> }>(),
  },
  approveAccountRequest: {
    method: "post",
    path: "/account-requests/:id/approve",
    summary: "Przyjęcie wniosku o konto (z wyborem grup)",
    signedIn: true,
    params: { id: objectId },
    body: accountApprovalSchema,
    bodyOptional: true,
    response: json<{ user: AdminUserView }>(),
  },
  rejectAccountRequest: {
    method: "post",
    path: "/account-requests/:id/reject",
    summary: "Odrzucenie wniosku o konto",
    signedIn: true,
    params: { id: objectId },
    body: accountRequestRejectSchema,
    response: json<{ user: AdminUserView }>(),
  },
  invite: {
    method: "post",
    path: "/groups/:slug/invitations",
    summary: "Zaproszenie do grupy",
    signedIn: true,
    body: invitationCreateSchema,
    status: 201,
    /** 200 with `addedMember` when the address already has an account: the person joins at once. */
    response: json<
      { invitation: InvitationView } | { invitation: null; addedMember: { id: string; name: string; email: string } }
    >(),
  },
  invitations: {
    method: "get",
    path: "/groups/:slug/invitations",
    summary: "Zaproszenia grupy",
    signedIn: true,
    response: json<{ invitations: InvitationView[] }>(),
  },
  resendInvitation: {
    method: "post",
    path: "/invitations/:id/resend",
    summary: "Ponowne wysłanie zaproszenia",
    signedIn: true,
    params: { id: objectId },
    response: json<{ invitation: InvitationView }>(),
  },
  invitation: {
    method: "get",
    path: "/invitations/by-token/:token",
    summary: "Zaproszenie z linku",
    signedIn: false,
    response: json<InvitationPreview>(),
  },
  acceptInvitation: {
    method: "post",
    path: "/invitations/by-token/:token/accept",
    summary: "Przyjęcie zaproszenia",
    signedIn: false,
    body: invitationAcceptSchema,
    status: 201,
    response: json<{ user: UserSummary }>(),
  },
});
