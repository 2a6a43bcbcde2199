import { createHash } from "node:crypto";
import type { SessionView } from "@forum/shared";
import { sessionCollection } from "../infra/sessionStore.js";

interface StoredSession {
  _id: string;
  expires: Date;
  session: {
    passport?: { user?: string };
    signedInAt?: number;
    lastSeenAt?: number;
    userAgent?: string;
    ip?: string | null;
  };
}

const sessions = () => sessionCollection<StoredSession>();

/** Session ids are bearer secrets: the API names a session by a hash of its id, never the id. */
export const publicSessionId = (sessionId: string): string =>
  createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);

/** The sessions collection seen as "who is signed in where", for "my sessions" and revocation. */
export const sessionStore = {
  async listFor(userId: string, currentSessionId: string): Promise<SessionView[]> {
    const found = await sessions()
      .find({ "session.passport.user": userId, expires: { $gt: new Date() } })
      .toArray();
    return (
      found
        .map((stored) => ({
          id: publicSessionId(stored._id),
          current: stored._id === currentSessionId,
          createdAt: new Date(stored.session.signedInAt ?? 0).toISOString(),
          lastSeenAt: new Date(stored.session.lastSeenAt ?? stored.session.signedInAt ?? 0).toISOString(),
          userAgent: stored.session.userAgent ?? "",
          ip: stored.session.ip ?? null,
        }))
        // This device first (what the person recognises at once), then the others, most recently active first.
        .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
    );
  },

  /** Ends one of the user's sessions by its public id; false when there is no such session. */
  async revoke(userId: string, publicId: string): Promise<{ revoked: boolean; sessionId: string | null }> {
    const found = await sessions()
      .find({ "session.passport.user": userId }, { projection: { _id: 1 } })
      .toArray();
    const match = found.find((stored) => publicSessionId(stored._id) === publicId);
    if (!match) return { revoked: false, sessionId: null };
    await sessions().deleteOne({ _id: match._id });
    return { revoked: true, sessionId: match._id };
  },

  /** Ends every session of the user except the one to keep; returns how many ended. */
  async endSessionsOf(userId: string, keepSessionId: string | null): Promise<number> {
    const found = await sessions()
      .find({ "session.passport.user": userId }, { projection: { _id: 1 } })
      .toArray();
    const doomed = found.map((stored) => stored._id).filter((id) => id !== keepSessionId);
    if (doomed.length === 0) return 0;
    const result = await sessions().deleteMany({ _id: { $in: doomed } });
    return result.deletedCount;
  },
};
