import { withActor } from "../http/requestContext.js";
import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import type { RequestHandler } from "express";
import mongoose from "mongoose";
import { User, type UserDocument } from "../models/User.js";
import { userUnsuspender } from "../commands/userUnsuspender.js";
import { loadActor } from "../policies/actor.js";
import { effectiveStatus } from "../domain/userStatus.js";
import { verifyAgainstDummy, verifyPassword } from "./passwords.js";

/**
 * Checks e-mail and password; a missing account costs the same time as a wrong password.
 * A suspension whose end date has passed is lifted here, on the way in.
 */
export async function checkCredentials(email: string, password: string): Promise<UserDocument | null> {
  const user = await User.findOne({ email: email.toLowerCase() }).lean();
  // An erased account answers exactly like an unknown one (its e-mail is a placeholder, its hash unusable).
  if (!user || user.status === "erased") return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (user.status === "suspended" && effectiveStatus(user) === "active")
    return userUnsuspender({ user, actorId: null });
  return user;
}

export function configurePassport(): typeof passport {
  passport.use(
    new LocalStrategy({ usernameField: "email", passwordField: "password", session: true }, (email, password, done) => {
      checkCredentials(email, password).then(
        (user) => done(null, user ?? false),
        (error: unknown) => done(error),
      );
    }),
  );
  passport.serializeUser<string>((user, done) => done(null, user._id.toString()));
  passport.deserializeUser<string>((id, done) => {
    if (!mongoose.isObjectIdOrHexString(id)) return done(null, false);
    User.findById(id)
      .lean()
      .then(
        (user) => done(null, user ?? false),
        (error: unknown) => done(error),
      );
  });
  return passport;
}

/** Turns the session's user into an Actor for the policies; a suspended user acts as nobody. */
export const attachActor: RequestHandler = (req, _res, next) => {
  withActor(req, null);
  if (!req.user || effectiveStatus(req.user) !== "active") return next();
  loadActor(req.user).then((actor) => {
    withActor(req, actor);
    next();
  }, next);
};
