import { setTimeout } from "node:timers/promises";
import { Router, type Request } from "express";
import passport from "passport";
import { endpoints, type MeResponse, type UserSummary } from "@forum/shared";
import type { Config } from "../config.js";
import { AppError } from "../errors/AppError.js";
import { csrfTokenOf } from "../http/csrfProtection.js";
import { route } from "../http/declareRoute.js";
import { countAttempt, failureDelayMs, forgiveAttempts } from "../http/rateLimits.js";
import { stampSignIn } from "../http/sessionLifetime.js";
import { User, type UserDocument } from "../models/User.js";
import { presentAbilities } from "../presenters/abilitiesPresenter.js";
import { presentUser } from "../presenters/userPresenter.js";
import { jstById } from "../queries/jstCatalogue.js";
import { suspensionMessage } from "../domain/userStatus.js";

export async function presentSignedIn(user: UserDocument): Promise<UserSummary> {
  const jst = user.jstId ? await jstById(user.jstId) : null;
  return presentUser(user, jst);
}

const invalidCredentials = () => new AppError(401, "invalid_credentials", "Nieprawidłowy e-mail lub hasło.");

/** Starts a fresh session for the user: a new id (no fixation), then the sign-in stamp. */
export function signIn(req: Request, user: UserDocument): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((regenerateError) => {
      if (regenerateError) return reject(regenerateError);
      req.login(user, (loginError) => {
        if (loginError) return reject(loginError);
        stampSignIn(req);
        resolve();
      });
    });
  });
}

export function authRoutes(_config: Config): Router {
  const router = Router();

  route(router, endpoints.auth.csrf, (_input, req) => ({ token: csrfTokenOf(req) }));

  route(router, endpoints.auth.me, async ({ actor, user }): Promise<MeResponse> =>
    user && actor
      ? { user: await presentSignedIn(user), abilities: await presentAbilities(actor) }
      : { user: null, abilities: null },
  );

  route(router, endpoints.auth.login, async ({ body, context }, req, res) => {
    const input = body();
    const attempts = await countAttempt("login", context.ip ?? "unknown", input.email);
    const user = await new Promise<UserDocument | false>((resolve, reject) => {
      req.body = input;
      passport.authenticate("local", (error: unknown, found: UserDocument | false) =>
        error ? reject(error) : resolve(found),
      )(req, res, reject);
    });
    if (!user) {
      await setTimeout(failureDelayMs(attempts));
      throw invalidCredentials();
    }
    if (user.status === "suspended") throw new AppError(403, "account_suspended", suspensionMessage(user));
    if (user.status === "pending") {
      throw new AppError(403, "account_pending", "Konto czeka na zatwierdzenie przez moderatora. Dostaniesz e-mail.");
    }
    if (user.status !== "active") throw invalidCredentials();
    await forgiveAttempts("login", input.email);
    await signIn(req, user);
    await User.updateOne({ _id: user._id }, { $set: { lastLoginAt: new Date() } });
    return { user: await presentSignedIn(user) };
  });

  route(router, endpoints.auth.logout, async (_input, req, res) => {
    await new Promise<void>((resolve, reject) => req.logout((error) => (error ? reject(error) : resolve())));
    await new Promise<void>((resolve, reject) =>
      req.session.destroy((error: unknown) => (error ? reject(error) : resolve())),
    );
    res.clearCookie("forum.sid");
  });

  return router;
}
