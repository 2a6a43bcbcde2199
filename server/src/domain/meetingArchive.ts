import type { MeetingDocument } from "../models/Meeting.js";
import { polishDateTime, polishDateTimeRange, polishDay, warsawClock, warsawDay } from "./warsawTime.js";

/** What the room kept, in the shape the archive needs. */
export interface ArchiveMaterial {
  meeting: Pick<MeetingDocument, "_id" | "number" | "title" | "startsAt" | "endsAt" | "venue" | "agenda" | "room">;
  groupName: string;
  /** Chat lines in order, removed ones already left out; `day` the session's day it was written on (1 if absent). */
  messages: { day?: 1 | 2; createdAt: Date; authorName: string; text: string }[];
  /** Not hidden, most votes first. */
  questions: { authorName: string; text: string; voteCount: number; answer: string }[];
  /** Opened or closed polls, oldest first. */
  polls: { question: string; multiple: boolean; voters: number; options: { text: string; votes: number }[] }[];
  minutesMarkdown: string;
}

/** A post stays well under the composer's limit, so the archive reads like any thread. */
const POST_CHARS = 15_000;

/** People's words are shown as they typed them: no formatting, no mentions that would notify again. */
export const escapeMarkdown = (text: string): string =>
  text.replace(/\s*\n\s*/g, " ").replace(/[\\`*_{}[\]()#+\-.!<>|~@&]/g, "\\$&");

const polishPlural = new Intl.PluralRules("pl-PL");
const VOTES: Record<Intl.LDMLPluralRule, string> = {
  zero: "głosów",
  one: "głos",
  two: "głosy",
  few: "głosy",
  many: "głosów",
  other: "głosu",
};

/** "1 głos", "3 głosy", "5 głosów" (the plural form from Intl's Polish rules). */
export function votesLabel(count: number): string {
  return `${count} ${VOTES[polishPlural.select(count)]}`;
}

/** Lines joined into posts of at most POST_CHARS, each starting with the heading. */
function chunked(heading: (part: number, parts: number) => string, lines: string[]): string[] {
  const bodies: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (current.length > 0 && length + line.length > POST_CHARS) {
      bodies.push(current);
      current = [];
      length = 0;
    }
    current.push(line);
    length += line.length + 1;
  }
  if (current.length > 0) bodies.push(current);
  return bodies.map((body, index) => `${heading(index + 1, bodies.length)}\n\n${body.join("\n")}`);
}

function openingPost(material: ArchiveMaterial): string {
  const { meeting } = material;
  const agenda = [1, 2].flatMap((day) => {
    const items = meeting.agenda.filter((item) => item.day === day);
    if (items.length === 0) return [];
    return [
      `### Dzień ${day} — ${polishDay(new Date(meeting.startsAt.getTime() + (day - 1) * 86_400_000))}`,
      "",
      ...items.map(
        (item) =>
          `- ${item.startTime}–${item.endTime} **${escapeMarkdown(item.title)}**${item.speaker ? ` — ${escapeMarkdown(item.speaker)}` : ""}`,
      ),
      "",
    ];
  });
  return [
    `**${escapeMarkdown(meeting.title)}** (sesja ${meeting.number} z 9, ${escapeMarkdown(material.groupName)})`,
    "",
    `- Termin: ${polishDateTimeRange(meeting.startsAt, meeting.endsAt)}`,
    ...(meeting.venue ? [`- Miejsce: ${escapeMarkdown(meeting.venue)}`] : []),
    ...(meeting.room?.openedAt ? [`- Pokój otwarty: ${polishDateTime(meeting.room.openedAt)}`] : []),
    ...(meeting.room?.closedAt ? [`- Pokój zamknięty: ${polishDateTime(meeting.room.closedAt)}`] : []),
    `- [Strona spotkania](/spotkania/${meeting._id.toString()})`,
    "",
    "Archiwum spotkania na żywo — tylko do odczytu. Kolejne wpisy: zapis czatu, pytania uczestników, wyniki głosowań i protokół.",
    "",
    ...(agenda.length ? ["## Program", "", ...agenda] : []),
  ]
    .join("\n")
    .trim();
}

function chatPosts(material: ArchiveMaterial): string[] {
  if (material.messages.length === 0) return ["## Czat\n\nNikt nie pisał na czacie."];
  // A session that ran into day 2 shows its chat under "Dzień 1" and "Dzień 2" (the day each line was written).
  const byDay = material.messages.some((message) => message.day === 2);
  const lines: string[] = [];
  let day = "";
  let sessionDay = 0;
  for (const message of material.messages) {
    const messageSessionDay = message.day ?? 1;
    if (byDay && messageSessionDay !== sessionDay) {
      if (lines.length) lines.push("");
      lines.push(`### Dzień ${messageSessionDay}`, "");
      sessionDay = messageSessionDay;
      day = "";
    }
    const messageDay = warsawDay(message.createdAt);
    if (messageDay !== day) {
      if (lines.length && lines.at(-1) !== "") lines.push("");
      lines.push(`**${polishDay(message.createdAt)}**`, "");
      day = messageDay;
    }
    lines.push(
      `- ${warsawClock(message.createdAt)} **${escapeMarkdown(message.authorName)}:** ${escapeMarkdown(message.text)}`,
    );
  }
  return chunked((part, parts) => (parts > 1 ? `## Czat (część ${part} z ${parts})` : "## Czat"), lines);
}

function questionPosts(material: ArchiveMaterial): string[] {
  if (material.questions.length === 0) return ["## Pytania uczestników\n\nNie zadano pytań."];
  const lines = material.questions.map((question, index) =>
    [
      `${index + 1}. **${escapeMarkdown(question.text)}** — ${escapeMarkdown(question.authorName)}, ${votesLabel(question.voteCount)}`,
      ...(question.answer.trim() ? [`   Odpowiedź: ${escapeMarkdown(question.answer)}`] : []),
    ].join("\n\n"),
  );
  return chunked(
    (part, parts) => (parts > 1 ? `## Pytania uczestników (część ${part} z ${parts})` : "## Pytania uczestników"),
    lines.map((line) => `${line}\n`),
  );
}

function pollPosts(material: ArchiveMaterial): string[] {
  if (material.polls.length === 0) return ["## Głosowania\n\nNie przeprowadzono głosowań."];
  const sections = material.polls.map((poll) => {
    const total = poll.options.reduce((sum, option) => sum + option.votes, 0);
    return [
      `### ${escapeMarkdown(poll.question)}`,
      "",
      `Głosujących: ${poll.voters}${poll.multiple ? " (można było wybrać kilka odpowiedzi)" : ""}`,
      "",
      "| Odpowiedź | Głosy | Udział |",
      "| --- | ---: | ---: |",
      ...poll.options.map(
        (option) =>
          `| ${escapeMarkdown(option.text)} | ${option.votes} | ${total ? Math.round((option.votes / total) * 100) : 0}% |`,
      ),
      "",
    ].join("\n");
  });
  return chunked((part, parts) => (parts > 1 ? `## Głosowania (część ${part} z ${parts})` : "## Głosowania"), sections);
}

function minutesPosts(material: ArchiveMaterial): string[] {
  const minutes = material.minutesMarkdown.trim();
  if (!minutes) return ["## Protokół\n\nProtokołu nie sporządzono."];
  // Split between paragraphs, so a long protocol stays readable markdown in each part.
  return chunked(
    (part, parts) => (parts > 1 ? `## Protokół (część ${part} z ${parts})` : "## Protokół"),
    minutes.split(/\n{2,}/).map((paragraph) => `${paragraph}\n`),
  );
}

/** The archive thread's posts in order: the opening post first. */
export function archivePosts(material: ArchiveMaterial): string[] {
  return [
    openingPost(material),
    ...chatPosts(material),
    ...questionPosts(material),
    ...pollPosts(material),
    ...minutesPosts(material),
  ];
}

/** The archive thread's title (thread titles have at most 200 characters). */
export const archiveTitle = (meeting: Pick<MeetingDocument, "title">): string =>
  `Archiwum spotkania: ${meeting.title}`.slice(0, 200);
