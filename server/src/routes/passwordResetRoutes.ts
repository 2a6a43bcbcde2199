import { Router } from "express";
import { endpoints } from "@forum/shared";
import { passwordResetRequester } from "../commands/passwordResetRequester.js";
import { passwordResetter } from "../commands/passwordResetter.js";
import type { Config } from "../config.js";
import { countAttempt } from "../http/rateLimits.js";
import { route } from "../http/declareRoute.js";

/** The one answer to a reset request: it never tells whether the address has an account. */
export const PASSWORD_RESET_REQUESTED =
  "Jeśli konto o tym adresie istnieje, wysłaliśmy na nie link do ustawienia nowego hasła.";

export function passwordResetRoutes(config: Pick<Config, "PASSWORD_RESET_TTL_MINUTES">): Router {
  const router = Router();

  route(router, endpoints.auth.passwordResetRequest, async ({ body, context }, req) => {
    const { email } = body();
    await countAttempt("passwordReset", context.ip ?? "unknown", email);
    // Not awaited: the answer and its timing are the same for known and unknown addresses.
    passwordResetRequester({ email, validMinutes: config.PASSWORD_RESET_TTL_MINUTES, context }).catch(
      (error: unknown) => req.log.error({ err: error }, "password reset request failed"),
    );
    return { message: PASSWORD_RESET_REQUESTED };
  });

  route(router, endpoints.auth.passwordResetConfirm, async ({ body, context }) => {
    const { token, password } = body();
    await passwordResetter({ token, password, context });
    return { message: "Hasło zmienione. Możesz się zalogować." };
  });

  return router;
}
