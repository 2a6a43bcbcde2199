import type { RoomQuestionDocument } from "../models/RoomQuestion.js";
import { decideRoomQuestion, type RoomQuestionDecisionProps } from "./support/roomQuestionDecision.js";

/** Marks a question answered (again, to correct the noted answer); hidden ones come back answered. */
export const roomQuestionAnswerer = (
  props: RoomQuestionDecisionProps & { answer: string },
): Promise<RoomQuestionDocument> => decideRoomQuestion({ ...props, name: "roomQuestions.answer", status: "answered" });
