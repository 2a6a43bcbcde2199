import type { PracticeFacts } from "@forum/shared";
import type { PracticeDocument } from "../../models/Practice.js";

type PracticeFactsSource = Pick<
  PracticeDocument,
  "_id" | "title" | "groupId" | "authorId" | "status" | "isPublic" | "version"
>;

/** Who and what a `practices.<verb>` event is about: spread into recordEvent by each practice command. */
export const practiceSubject = (practice: PracticeFactsSource) => ({
  subjectType: "Practice" as const,
  subjectId: practice._id,
  groupId: practice.groupId ?? null,
});

/** What every practice event stores, so every listener (notices, search, the library) needs no query. */
export const practiceFacts = (practice: PracticeFactsSource): PracticeFacts => ({
  title: practice.title,
  authorId: practice.authorId.toString(),
  status: practice.status,
  isPublic: practice.isPublic,
  version: practice.version,
});
