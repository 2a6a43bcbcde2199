import { Router } from "express";
import type { DatabaseKind } from "../db/findDatabase.js";
import { apiNotFoundHandler } from "../errors/errorHandler.js";
import type { Config } from "../config.js";
import { adminUserRoutes } from "./adminUserRoutes.js";
import { authRoutes } from "./authRoutes.js";
import { meRoutes } from "./meRoutes.js";
import { categoryRoutes } from "./categoryRoutes.js";
import { groupRoutes } from "./groupRoutes.js";
import { homeRoutes } from "./homeRoutes.js";
import { healthRoutes } from "./healthRoutes.js";
import { networkRoutes } from "./networkRoutes.js";
import { threadRoutes } from "./threadRoutes.js";
import { threadStateRoutes } from "./threadStateRoutes.js";
import { postRoutes } from "./postRoutes.js";
import { accountRequestRoutes } from "./accountRequestRoutes.js";
import { invitationRoutes } from "./invitationRoutes.js";
import { jstRoutes } from "./jstRoutes.js";
import { passwordResetRoutes } from "./passwordResetRoutes.js";
import { attachmentRoutes } from "./attachmentRoutes.js";
import { draftRoutes } from "./draftRoutes.js";
import { notificationRoutes } from "./notificationRoutes.js";
import { watchRoutes } from "./watchRoutes.js";
import { personRoutes } from "./personRoutes.js";
import { mentionRoutes } from "./mentionRoutes.js";
import { moderationRoutes } from "./moderationRoutes.js";
import { postModerationRoutes } from "./postModerationRoutes.js";
import { peopleModerationRoutes } from "./peopleModerationRoutes.js";
import { threadRestructureRoutes } from "./threadRestructureRoutes.js";
import { meetingRoutes } from "./meetingRoutes.js";
import { calendarRoutes } from "./calendarRoutes.js";
import { roomModerationRoutes } from "./roomModerationRoutes.js";
import { roomQuestionRoutes } from "./roomQuestionRoutes.js";
import { roomPollRoutes } from "./roomPollRoutes.js";
import { roomRecordRoutes } from "./roomRecordRoutes.js";
import { practiceRoutes } from "./practiceRoutes.js";
import { analysisRoutes } from "./analysisRoutes.js";
import { libraryRoutes } from "./libraryRoutes.js";
import { tagRoutes } from "./tagRoutes.js";

export function apiRouter({
  databaseKind,
  config,
  redisUp,
}: {
  databaseKind: DatabaseKind;
  config: Config;
  redisUp?: (() => boolean) | undefined;
}): Router {
  const router = Router();
  router.use(healthRoutes(databaseKind, redisUp));
  router.use(networkRoutes(config));
  router.use(authRoutes(config));
  router.use(meRoutes(config));
  router.use(adminUserRoutes());
  router.use(homeRoutes());
  router.use(groupRoutes());
  router.use(categoryRoutes(config));
  router.use(threadRoutes(config));
  router.use(threadStateRoutes());
  router.use(postRoutes());
  router.use(jstRoutes());
  router.use(invitationRoutes(config));
  router.use(accountRequestRoutes());
  router.use(passwordResetRoutes(config));
  router.use(attachmentRoutes(config));
  router.use(draftRoutes());
  router.use(notificationRoutes());
  router.use(watchRoutes());
  router.use(personRoutes());
  router.use(mentionRoutes());
  router.use(moderationRoutes());
  router.use(postModerationRoutes(config));
  router.use(peopleModerationRoutes());
  router.use(threadRestructureRoutes());
  router.use(meetingRoutes());
  router.use(calendarRoutes(config));
  router.use(roomModerationRoutes());
  router.use(roomQuestionRoutes());
  router.use(roomPollRoutes());
  router.use(roomRecordRoutes());
  router.use(practiceRoutes());
  router.use(analysisRoutes());
  router.use(libraryRoutes());
  router.use(tagRoutes());
  router.use(apiNotFoundHandler);
  return router;
}
