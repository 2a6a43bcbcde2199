import type { RoomPollView, RoomQuestionView } from "@forum/shared/meetings";

const STATUS_ORDER = { open: 0, answered: 1, hidden: 2 } as const;

/** The server's order: open questions by votes (then oldest first), answered after, hidden last. */
export function sortQuestions(questions: RoomQuestionView[]): RoomQuestionView[] {
  return [...questions].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.voteCount - a.voteCount ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Puts a pushed or answered question into the list. Pushes carry no "voted by me", so the
 * viewer's own vote is kept from what the list knew, unless `mine` is the viewer's own answer.
 */
export function mergeQuestion(
  questions: RoomQuestionView[],
  incoming: RoomQuestionView,
  mine = false,
): RoomQuestionView[] {
  const known = questions.find((question) => question.id === incoming.id);
  const merged = mine || !known ? incoming : { ...incoming, votedByMe: known.votedByMe };
  return sortQuestions([...questions.filter((question) => question.id !== incoming.id), merged]);
}

/** Puts a pushed or answered poll into the list (oldest first), keeping the viewer's own ballot. */
export function mergePoll(polls: RoomPollView[], incoming: RoomPollView, mine = false): RoomPollView[] {
  const known = polls.find((poll) => poll.id === incoming.id);
  const merged = mine || !known ? incoming : { ...incoming, myVote: known.myVote };
  return known ? polls.map((poll) => (poll.id === incoming.id ? merged : poll)) : [...polls, merged];
}

/** Whole percent of `votes` among `total` ballots (0 when nobody voted). */
export const percentOf = (votes: number, total: number): number => (total > 0 ? Math.round((votes / total) * 100) : 0);
