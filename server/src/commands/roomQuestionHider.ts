import type { RoomQuestionDocument } from "../models/RoomQuestion.js";
import { decideRoomQuestion, type RoomQuestionDecisionProps } from "./support/roomQuestionDecision.js";

/** Takes a question off the participants' list (moderators still see it, marked hidden). */
export const roomQuestionHider = (props: RoomQuestionDecisionProps): Promise<RoomQuestionDocument> =>
  decideRoomQuestion({ ...props, name: "roomQuestions.hide", status: "hidden" });
