import { accountEndpoints } from "./account.js";
import { adminEndpoints } from "./admin.js";
import { authEndpoints } from "./auth.js";
import type { Endpoint } from "./endpoint.js";
import { knowledgeEndpoints } from "./knowledge.js";
import { meetingDayEndpoints } from "./meetingDays.js";
import { meetingEndpoints } from "./meetings.js";
import { meetingRegistrationEndpoints } from "./meetingRegistrations.js";
import { meetingDocumentEndpoints } from "./meetingDocuments.js";
import { moderationEndpoints } from "./moderation.js";
import { networkEndpoints } from "./network.js";
import { notificationEndpoints } from "./notifications.js";
import { postEndpoints } from "./posts.js";
import { programmeEndpoints } from "./programme.js";
import { registrationEndpoints } from "./registration.js";
import { roomEndpoints } from "./room.js";
import { systemEndpoints } from "./system.js";
import { tagEndpoints } from "./tags.js";
import { threadEndpoints } from "./threads.js";

export * from "./endpoint.js";
export type { InvitationPreview } from "./registration.js";

/**
 * Every HTTP endpoint of the forum, by area: `endpoints.threads.detail`. The server registers handlers only
 * through these (server/src/http/declareRoute.ts), the OpenAPI document and the access matrix are built from
 * them, and the client calls through them (`pathOf`, `RequestOf`, `ResponseOf`). Adding an endpoint = one entry
 * in an area file; the typecheck then asks for its access-matrix row, and a test for its handler.
 */
export const endpoints = {
  system: systemEndpoints,
  auth: authEndpoints,
  account: accountEndpoints,
  registration: registrationEndpoints,
  admin: adminEndpoints,
  network: networkEndpoints,
  threads: threadEndpoints,
  posts: postEndpoints,
  notifications: notificationEndpoints,
  moderation: moderationEndpoints,
  meetings: meetingEndpoints,
  meetingDays: meetingDayEndpoints,
  meetingRegistrations: meetingRegistrationEndpoints,
  room: roomEndpoints,
  meetingDocuments: meetingDocumentEndpoints,
  knowledge: knowledgeEndpoints,
  tags: tagEndpoints,
  programme: programmeEndpoints,
} as const;

type Endpoints = typeof endpoints;
type Area = keyof Endpoints;

/** `"threads.detail"` and the like: one name per endpoint. */
export type EndpointName = { [A in Area]: `${A}.${keyof Endpoints[A] & string}` }[Area];
/** The declaration behind a name. */
export type EndpointNamed<Name extends EndpointName> = Name extends `${infer A extends Area}.${infer Key}`
  ? Key extends keyof Endpoints[A]
    ? Endpoints[A][Key]
    : never
  : never;

export interface NamedEndpoint {
  name: EndpointName;
  endpoint: Endpoint;
}

/** Every endpoint with its name, in declaration order. */
export const endpointList: readonly NamedEndpoint[] = Object.entries(endpoints).flatMap(([area, declared]) =>
  Object.entries(declared as Record<string, Endpoint>).map(([key, endpoint]) => ({
    name: `${area}.${key}` as EndpointName,
    endpoint,
  })),
);

/** The declaration named `name` (e.g. from an access-matrix row). */
export const endpointNamed = <Name extends EndpointName>(name: Name): EndpointNamed<Name> => {
  const found = endpointList.find((entry) => entry.name === name);
  if (!found) throw new Error(`no endpoint named ${name}`);
  return found.endpoint as EndpointNamed<Name>;
};
