import { readFile } from "node:fs/promises";
import path from "node:path";
import type mongoose from "mongoose";
import { anyOf } from "../db/anyOf.js";
import { Analysis } from "../models/Analysis.js";
import { AnalysisComment } from "../models/AnalysisComment.js";
import { Attachment } from "../models/Attachment.js";
import { Attendance } from "../models/Attendance.js";
import { Category } from "../models/Category.js";
import { ConsentRecord } from "../models/ConsentRecord.js";
import { Draft } from "../models/Draft.js";
import { Flag } from "../models/Flag.js";
import { Group } from "../models/Group.js";
import { Meeting } from "../models/Meeting.js";
import { Membership } from "../models/Membership.js";
import { Notification } from "../models/Notification.js";
import { Post } from "../models/Post.js";
import { PostRevision } from "../models/PostRevision.js";
import { Practice } from "../models/Practice.js";
import { Reaction } from "../models/Reaction.js";
import { RoomMessage } from "../models/RoomMessage.js";
import { RoomQuestion } from "../models/RoomQuestion.js";
import { Thread } from "../models/Thread.js";
import { User, type UserDocument } from "../models/User.js";
import { avatarPath } from "../infra/avatarStorage.js";
import { jstById } from "./jstCatalogue.js";
import { sessionStore } from "./sessionDirectory.js";
import type { CsvCell } from "../infra/spreadsheetCsv.js";
import { storedFilePath } from "../infra/uploadStorage.js";
import { warsawDateTime } from "../domain/warsawTime.js";

/** One CSV table: a flat view of (part of) a dataset. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvCell[][];
}

/** One kind of data about the person: a full JSON file and one or more flat CSV files. */
export interface Dataset {
  file: string;
  /** What it is, for README.txt (Polish). */
  description: string;
  json: unknown;
  tables: CsvTable[];
}

export interface PersonalData {
  datasets: Dataset[];
  /** Files the person uploaded (attachments, avatar), by their path inside the archive. */
  files: { path: string; content: Uint8Array }[];
}

export interface ExportSources {
  dataDir: string;
  uploadDir: string;
  /** The session asking, marked as current in the sessions list; null when an admin exports for someone. */
  currentSessionId: string | null;
}

type Id = mongoose.Types.ObjectId;

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
const local = (date: Date | null | undefined): string => (date ? warsawDateTime(date) : "");
const key = (id: Id | null | undefined): string => (id ? id.toString() : "");

/** Threads' titles and groups: other people's threads appear by title only. */
async function threadTitles(ids: (Id | null | undefined)[]): Promise<Map<string, { title: string; group: string }>> {
  const wanted = [...new Set(ids.filter((id): id is Id => Boolean(id)).map(String))];
  if (wanted.length === 0) return new Map();
  const threads = await Thread.find({ _id: anyOf(wanted) }, { title: 1, groupId: 1 }).lean();
  const groups = await groupNames(threads.map((thread) => thread.groupId));
  return new Map(
    threads.map((thread) => [
      thread._id.toString(),
      { title: thread.title, group: groups.get(key(thread.groupId)) ?? "cała sieć" },
    ]),
  );
}

async function groupNames(ids: (Id | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is Id => Boolean(id)).map(String))];
  if (wanted.length === 0) return new Map();
  const groups = await Group.find({ _id: anyOf(wanted) }, { name: 1 }).lean();
  return new Map(groups.map((group) => [group._id.toString(), group.name]));
}

async function meetingTitles(ids: Id[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.map(String))];
  if (wanted.length === 0) return new Map();
  const meetings = await Meeting.find({ _id: anyOf(wanted) }, { title: 1, number: 1 }).lean();
  return new Map(meetings.map((meeting) => [meeting._id.toString(), `${meeting.number}. ${meeting.title}`]));
}

async function profileDataset(user: UserDocument): Promise<Dataset> {
  const jst = user.jstId ? await jstById(user.jstId) : null;
  const memberships = await Membership.find({ userId: user._id }).lean();
  const groups = await Group.find({ _id: anyOf(memberships.map((entry) => entry.groupId)) }).lean();
  const groupById = new Map(groups.map((group) => [group._id.toString(), group]));
  const json = {
    id: user._id.toString(),
    name: user.name,
    username: user.username,
    email: user.email,
    role: user.role,
    status: user.status,
    jst: jst ? { teryt: jst.teryt, name: jst.name, type: jst.type, voivodeship: jst.voivodeship } : null,
    position: user.position ?? null,
    addresseeGroup: user.addresseeGroup ?? null,
    bio: user.bio ?? "",
    expertise: user.expertise ?? [],
    language: user.language ?? "pl",
    hasAvatar: Boolean(user.avatarFile),
    groups: memberships.map((membership) => {
      const group = groupById.get(membership.groupId.toString());
      return {
        slug: group?.slug ?? null,
        name: group?.name ?? null,
        cohort: group?.cohort ?? null,
        role: membership.role,
        since: iso(membership.createdAt),
      };
    }),
    requestMessage: user.requestMessage ?? "",
    suspension: user.suspension?.reason ? { reason: user.suspension.reason, until: iso(user.suspension.until) } : null,
    silence: user.silence?.reason ? { reason: user.silence.reason, until: iso(user.silence.until) } : null,
    restriction: user.restriction?.since
      ? { reason: user.restriction.reason ?? "", since: iso(user.restriction.since) }
      : null,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    lastLoginAt: iso(user.lastLoginAt),
    lastSeenAt: iso(user.lastSeenAt),
  };
  const rows: CsvCell[][] = [
    ["Imię i nazwisko", json.name],
    ["Nazwa użytkownika", json.username],
    ["E-mail", json.email],
    ["Rola", json.role],
    ["Stan konta", json.status],
    ["JST", jst ? `${jst.name} (${jst.teryt})` : ""],
    ["Stanowisko", json.position ?? ""],
    ["Grupa adresatów", json.addresseeGroup ?? ""],
    ["O mnie", json.bio],
    ["Obszary wiedzy", json.expertise.join(", ")],
    ["Język", json.language],
    ["Grupy", json.groups.map((group) => `${group.name ?? "?"} (${group.role})`).join(", ")],
    ["Konto założone", local(user.createdAt)],
    ["Ostatnie logowanie", local(user.lastLoginAt)],
    ["Ostatnia wizyta", local(user.lastSeenAt)],
  ];
  return {
    file: "profile",
    description: "profil: dane konta, JST, stanowisko, role i grupy (bez hasła, które przechowujemy tylko jako skrót)",
    json,
    tables: [{ file: "profile.csv", header: ["Pole", "Wartość"], rows }],
  };
}

async function postsDataset(userId: Id): Promise<Dataset> {
  const posts = await Post.find({ authorId: userId }).sort({ createdAt: 1 }).lean();
  const revisions = await PostRevision.find({ postId: anyOf(posts.map((post) => post._id)) })
    .sort({ version: 1 })
    .lean();
  const threads = await threadTitles(posts.map((post) => post.threadId));
  const json = posts.map((post) => {
    const thread = threads.get(post.threadId.toString());
    return {
      id: post._id.toString(),
      thread: { id: post.threadId.toString(), title: thread?.title ?? null, group: thread?.group ?? null },
      number: post.number,
      body: post.body,
      createdAt: iso(post.createdAt),
      editedAt: iso(post.editedAt),
      editedByModerator: Boolean(post.editedById && !post.editedById.equals(userId)),
      deletedAt: iso(post.deletedAt),
      hiddenAt: iso(post.hiddenAt),
      hiddenReason: post.hiddenReason ?? null,
      history: revisions
        .filter((revision) => revision.postId.equals(post._id))
        .map((revision) => ({
          version: revision.version,
          body: revision.body,
          at: iso(revision.createdAt),
          byModerator: !revision.editorId.equals(userId),
        })),
    };
  });
  return {
    file: "posts",
    description: "wpisy, które napisałem(-am), z pełną historią zmian (history: każda wersja tekstu)",
    json,
    tables: [
      {
        file: "posts.csv",
        header: ["Id wpisu", "Wątek", "Grupa", "Nr", "Napisany", "Edytowany", "Usunięty", "Ukryty", "Treść"],
        rows: json.map((post, index) => [
          post.id,
          post.thread.title,
          post.thread.group,
          post.number,
          local(posts[index]!.createdAt),
          local(posts[index]!.editedAt),
          local(posts[index]!.deletedAt),
          local(posts[index]!.hiddenAt),
          post.body,
        ]),
      },
      {
        file: "posts-history.csv",
        header: ["Id wpisu", "Wersja", "Kiedy", "Zmiana moderatora", "Treść"],
        rows: json.flatMap((post) =>
          post.history.map((version) => [
            post.id,
            version.version,
            version.at ? warsawDateTime(new Date(version.at)) : "",
            version.byModerator ? "tak" : "nie",
            version.body,
          ]),
        ),
      },
    ],
  };
}

async function threadsDataset(userId: Id): Promise<Dataset> {
  const threads = await Thread.find({ authorId: userId }).sort({ createdAt: 1 }).lean();
  const groups = await groupNames(threads.map((thread) => thread.groupId));
  const categories = await Category.find(
    { _id: anyOf(threads.map((thread) => thread.categoryId)) },
    { name: 1 },
  ).lean();
  const categoryNames = new Map(categories.map((category) => [category._id.toString(), category.name]));
  const json = threads.map((thread) => ({
    id: thread._id.toString(),
    title: thread.title,
    group: groups.get(key(thread.groupId)) ?? "cała sieć",
    category: categoryNames.get(thread.categoryId.toString()) ?? null,
    tags: thread.tags ?? [],
    postCount: thread.postCount,
    createdAt: iso(thread.createdAt),
  }));
  return {
    file: "threads",
    description: "wątki, które założyłem(-am)",
    json,
    tables: [
      {
        file: "threads.csv",
        header: ["Id wątku", "Tytuł", "Grupa", "Kategoria", "Tagi", "Wpisów", "Założony"],
        rows: json.map((thread, index) => [
          thread.id,
          thread.title,
          thread.group,
          thread.category,
          thread.tags.join(", "),
          thread.postCount,
          local(threads[index]!.createdAt),
        ]),
      },
    ],
  };
}

async function reactionsDataset(userId: Id): Promise<Dataset> {
  const reactions = await Reaction.find({ userId }).sort({ createdAt: 1 }).lean();
  const posts = await Post.find(
    { _id: anyOf(reactions.map((reaction) => reaction.postId)) },
    { threadId: 1, number: 1 },
  ).lean();
  const postById = new Map(posts.map((post) => [post._id.toString(), post]));
  const threads = await threadTitles(posts.map((post) => post.threadId));
  const json = reactions.map((reaction) => {
    const post = postById.get(reaction.postId.toString());
    return {
      postId: reaction.postId.toString(),
      thread: post ? (threads.get(post.threadId.toString())?.title ?? null) : null,
      postNumber: post?.number ?? null,
      kind: reaction.kind,
      at: iso(reaction.createdAt),
    };
  });
  return {
    file: "reactions",
    description: "reakcje, które dałem(-am) na wpisy (wątek i numer wpisu, bez danych autora wpisu)",
    json,
    tables: [
      {
        file: "reactions.csv",
        header: ["Id wpisu", "Wątek", "Nr wpisu", "Reakcja", "Kiedy"],
        rows: json.map((entry, index) => [
          entry.postId,
          entry.thread,
          entry.postNumber,
          entry.kind,
          local(reactions[index]!.createdAt),
        ]),
      },
    ],
  };
}

async function flagsDataset(userId: Id): Promise<Dataset> {
  const flags = await Flag.find({ flaggerId: userId }).sort({ createdAt: 1 }).lean();
  const threads = await threadTitles(flags.map((flag) => flag.threadId));
  const json = flags.map((flag) => ({
    postId: flag.postId.toString(),
    thread: threads.get(flag.threadId.toString())?.title ?? null,
    reason: flag.reason,
    text: flag.text ?? "",
    status: flag.status,
    createdAt: iso(flag.createdAt),
    resolvedAt: iso(flag.resolvedAt),
    resolutionNote: flag.resolutionNote ?? "",
  }));
  return {
    file: "flags",
    description: "zgłoszenia wpisów do moderatorów, które wysłałem(-am), i ich rozstrzygnięcia",
    json,
    tables: [
      {
        file: "flags.csv",
        header: ["Id wpisu", "Wątek", "Powód", "Opis", "Stan", "Zgłoszono", "Rozstrzygnięto", "Uwaga moderatora"],
        rows: json.map((flag, index) => [
          flag.postId,
          flag.thread,
          flag.reason,
          flag.text,
          flag.status,
          local(flags[index]!.createdAt),
          local(flags[index]!.resolvedAt),
          flag.resolutionNote,
        ]),
      },
    ],
  };
}

async function draftsDataset(userId: Id): Promise<Dataset> {
  const drafts = await Draft.find({ userId }).sort({ updatedAt: 1 }).lean();
  const threads = await threadTitles(drafts.filter((draft) => draft.scope === "thread").map((draft) => draft.targetId));
  const categoryIds = drafts.filter((draft) => draft.scope === "category").map((draft) => draft.targetId);
  const categories = await Category.find({ _id: anyOf(categoryIds) }, { name: 1 }).lean();
  const categoryNames = new Map(categories.map((category) => [category._id.toString(), category.name]));
  const json = drafts.map((draft) => ({
    scope: draft.scope,
    target:
      draft.scope === "thread"
        ? (threads.get(draft.targetId.toString())?.title ?? null)
        : (categoryNames.get(draft.targetId.toString()) ?? null),
    title: draft.title ?? "",
    body: draft.body ?? "",
    updatedAt: iso(draft.updatedAt),
  }));
  return {
    file: "drafts",
    description: "szkice: niewysłane odpowiedzi (w wątku) i nowe wątki (w kategorii)",
    json,
    tables: [
      {
        file: "drafts.csv",
        header: ["Rodzaj", "Wątek lub kategoria", "Tytuł", "Treść", "Zapisano"],
        rows: json.map((draft, index) => [
          draft.scope === "thread" ? "odpowiedź" : "nowy wątek",
          draft.target,
          draft.title,
          draft.body,
          local(drafts[index]!.updatedAt),
        ]),
      },
    ],
  };
}

async function roomDataset(userId: Id): Promise<Dataset> {
  const messages = await RoomMessage.find({ authorId: userId }).sort({ createdAt: 1 }).lean();
  const questions = await RoomQuestion.find({ authorId: userId }).sort({ createdAt: 1 }).lean();
  const meetings = await meetingTitles([...messages, ...questions].map((entry) => entry.meetingId));
  const json = {
    messages: messages.map((message) => ({
      meeting: meetings.get(message.meetingId.toString()) ?? null,
      text: message.text,
      at: iso(message.createdAt),
      removedAt: iso(message.removedAt),
    })),
    questions: questions.map((question) => ({
      meeting: meetings.get(question.meetingId.toString()) ?? null,
      text: question.text,
      status: question.status,
      answer: question.answer ?? "",
      votes: question.voteCount,
      at: iso(question.createdAt),
    })),
  };
  return {
    file: "room",
    description: "czat i pytania w pokojach spotkań na żywo (messages: wiadomości czatu, questions: pytania)",
    json,
    tables: [
      {
        file: "room-messages.csv",
        header: ["Spotkanie", "Wiadomość", "Kiedy", "Usunięta"],
        rows: messages.map((message, index) => [
          json.messages[index]!.meeting,
          message.text,
          local(message.createdAt),
          local(message.removedAt),
        ]),
      },
      {
        file: "room-questions.csv",
        header: ["Spotkanie", "Pytanie", "Stan", "Odpowiedź", "Głosów", "Kiedy"],
        rows: questions.map((question, index) => [
          json.questions[index]!.meeting,
          question.text,
          question.status,
          question.answer ?? "",
          question.voteCount,
          local(question.createdAt),
        ]),
      },
    ],
  };
}

async function attendanceDataset(userId: Id): Promise<Dataset> {
  const stays = await Attendance.find({ userId }).sort({ joinedAt: 1 }).lean();
  const meetings = await meetingTitles(stays.map((stay) => stay.meetingId));
  const json = stays.map((stay) => ({
    meeting: meetings.get(stay.meetingId.toString()) ?? null,
    joinedAt: iso(stay.joinedAt),
    leftAt: iso(stay.leftAt ?? stay.seenAt),
  }));
  return {
    file: "attendance",
    description: "obecność na spotkaniach na żywo: każde wejście do pokoju i wyjście z niego",
    json,
    tables: [
      {
        file: "attendance.csv",
        header: ["Spotkanie", "Wejście", "Wyjście"],
        rows: stays.map((stay, index) => [
          json[index]!.meeting,
          local(stay.joinedAt),
          local(stay.leftAt ?? stay.seenAt),
        ]),
      },
    ],
  };
}

async function consentsDataset(user: UserDocument): Promise<Dataset> {
  const records = await ConsentRecord.find({ userId: user._id }).sort({ at: 1 }).lean();
  const json = {
    current: {
      digest: user.consents?.digest ?? "off",
      mentionEmails: user.consents?.mentionEmails ?? false,
      directoryListing: user.consents?.directoryListing ?? false,
      newsletter: user.consents?.newsletter ?? false,
    },
    log: records.map((record) => ({
      kind: record.kind,
      value: record.value,
      frequency: record.frequency ?? null,
      textVersion: record.textVersion,
      textDigest: record.textDigest,
      channel: record.channel,
      at: iso(record.at),
      ip: record.ip ?? null,
    })),
  };
  return {
    file: "consents",
    description:
      "zgody: current to obecny stan, log to każda zmiana (kiedy, wyrażona czy wycofana, wersja treści zgody, adres IP)",
    json,
    tables: [
      {
        file: "consents.csv",
        header: [
          "Zgoda",
          "Wyrażona / wycofana",
          "Częstotliwość",
          "Wersja treści",
          "Skrót treści",
          "Sposób",
          "Kiedy",
          "IP",
        ],
        rows: records.map((record) => [
          record.kind,
          record.value === "given" ? "wyrażona" : "wycofana",
          record.frequency ?? "",
          record.textVersion,
          record.textDigest,
          record.channel,
          local(record.at),
          record.ip ?? "",
        ]),
      },
    ],
  };
}

async function sessionsDataset(userId: Id, currentSessionId: string | null): Promise<Dataset> {
  const sessions = await sessionStore.listFor(userId.toString(), currentSessionId ?? "");
  return {
    file: "sessions",
    description: "zalogowane sesje (urządzenia): kiedy, przeglądarka, adres IP",
    json: sessions,
    tables: [
      {
        file: "sessions.csv",
        header: ["Id sesji", "Bieżąca", "Zalogowano", "Ostatnio aktywna", "Przeglądarka", "IP"],
        rows: sessions.map((session) => [
          session.id,
          session.current ? "tak" : "nie",
          local(new Date(session.createdAt)),
          local(new Date(session.lastSeenAt)),
          session.userAgent,
          session.ip ?? "",
        ]),
      },
    ],
  };
}

/** Names inside the archive: the id keeps them unique, the original name keeps them recognisable. */
const archiveName = (id: Id, originalName: string): string =>
  `uploads/${id.toString()}-${path.basename(originalName).replace(/[^\p{L}\p{N} ._()-]/gu, "_")}`;

async function uploadsDataset(user: UserDocument, sources: ExportSources): Promise<[Dataset, PersonalData["files"]]> {
  const attachments = await Attachment.find({ uploaderId: user._id }).sort({ createdAt: 1 }).lean();
  const threads = await threadTitles(attachments.map((attachment) => attachment.threadId));
  const meetings = await meetingTitles(
    attachments.flatMap((attachment) => (attachment.meetingId ? [attachment.meetingId] : [])),
  );
  const files: PersonalData["files"] = [];
  const json = [];
  for (const attachment of attachments) {
    const inArchive = archiveName(attachment._id, attachment.originalName);
    let stored = true;
    try {
      files.push({
        path: inArchive,
        content: await readFile(storedFilePath(sources.uploadDir, attachment.storageKey)),
      });
    } catch {
      // The database row outlived its file (e.g. a restore without files): the metadata still belongs to the person.
      stored = false;
    }
    json.push({
      id: attachment._id.toString(),
      originalName: attachment.originalName,
      mime: attachment.mime,
      size: attachment.size,
      uploadedAt: iso(attachment.createdAt),
      thread: attachment.threadId ? (threads.get(attachment.threadId.toString())?.title ?? null) : null,
      meeting: attachment.meetingId ? (meetings.get(attachment.meetingId.toString()) ?? null) : null,
      file: stored ? inArchive : null,
    });
  }
  if (user.avatarFile) {
    try {
      files.push({
        path: "uploads/avatar.webp",
        content: await readFile(avatarPath(sources.dataDir, user.avatarFile)),
      });
    } catch {
      // No file on disk: nothing to hand over.
    }
  }
  const dataset: Dataset = {
    file: "uploads",
    description:
      "pliki, które przesłałem(-am): opis każdego pliku; same pliki są w folderze uploads/ (a zdjęcie profilowe jako uploads/avatar.webp)",
    json,
    tables: [
      {
        file: "uploads.csv",
        header: ["Id pliku", "Nazwa", "Typ", "Rozmiar (B)", "Przesłano", "Wątek", "Spotkanie", "Plik w archiwum"],
        rows: json.map((entry, index) => [
          entry.id,
          entry.originalName,
          entry.mime,
          entry.size,
          local(attachments[index]!.createdAt),
          entry.thread,
          entry.meeting,
          entry.file,
        ]),
      },
    ],
  };
  return [dataset, files];
}

async function notificationsDataset(userId: Id): Promise<Dataset> {
  const notifications = await Notification.find({ recipientId: userId }).sort({ _id: 1 }).lean();
  const threads = await threadTitles(notifications.map((notification) => notification.threadId));
  const actorIds = [...new Set(notifications.flatMap((entry) => (entry.actorId ? [entry.actorId.toString()] : [])))];
  // Who caused a notification appears by name only: it is part of what the person was told.
  const actors = actorIds.length ? await User.find({ _id: anyOf(actorIds) }, { name: 1 }).lean() : [];
  const actorNames = new Map(actors.map((actor) => [actor._id.toString(), actor.name]));
  const json = notifications.map((notification) => ({
    kind: notification.kind,
    from: notification.actorId ? (actorNames.get(notification.actorId.toString()) ?? null) : null,
    thread: notification.threadId ? (threads.get(notification.threadId.toString())?.title ?? null) : null,
    count: notification.count,
    reaction: notification.reaction ?? null,
    message: notification.message ?? null,
    read: notification.read,
    createdAt: iso(notification.createdAt),
  }));
  return {
    file: "notifications",
    description: "powiadomienia w serwisie, które dostałem(-am)",
    json,
    tables: [
      {
        file: "notifications.csv",
        header: ["Rodzaj", "Od", "Wątek", "Liczba", "Wiadomość", "Przeczytane", "Kiedy"],
        rows: json.map((entry, index) => [
          entry.kind,
          entry.from,
          entry.thread,
          entry.count,
          entry.message,
          entry.read ? "tak" : "nie",
          local(notifications[index]!.createdAt),
        ]),
      },
    ],
  };
}

async function documentsDataset(user: UserDocument): Promise<Dataset> {
  const practices = await Practice.find({ authorId: user._id }).sort({ createdAt: 1 }).lean();
  const analyses = await Analysis.find({ authorId: user._id }).sort({ createdAt: 1 }).lean();
  const comments = await AnalysisComment.find({ authorId: user._id }).sort({ createdAt: 1 }).lean();
  const commented = await Analysis.find(
    { _id: anyOf(comments.map((comment) => comment.analysisId)) },
    { title: 1 },
  ).lean();
  const analysisTitles = new Map(commented.map((analysis) => [analysis._id.toString(), analysis.title]));
  const json = {
    practices: practices.map((practice) => ({
      id: practice._id.toString(),
      title: practice.title,
      status: practice.status,
      summary: practice.summary,
      context: practice.context?.markdown ?? "",
      actions: practice.actions?.markdown ?? "",
      results: practice.results?.markdown ?? "",
      costs: practice.costs?.markdown ?? "",
      fundingSources: practice.fundingSources,
      timeFrame: practice.timeFrame,
      // The contact may be someone else: their e-mail and phone are not the author's data.
      contact:
        practice.contact?.email?.toLowerCase() === user.email
          ? practice.contact
          : { name: practice.contact?.name ?? "", email: "", phone: "" },
      tags: practice.tags,
      createdAt: iso(practice.createdAt),
      publishedAt: iso(practice.publishedAt),
    })),
    analyses: analyses.map((analysis) => ({
      id: analysis._id.toString(),
      title: analysis.title,
      status: analysis.status,
      summary: analysis.summary,
      sections: analysis.sections.map((section) => ({ heading: section.heading, markdown: section.markdown })),
      createdAt: iso(analysis.createdAt),
      publishedAt: iso(analysis.publishedAt),
    })),
    analysisComments: comments.map((comment) => ({
      analysis: analysisTitles.get(comment.analysisId.toString()) ?? null,
      markdown: comment.markdown,
      hidden: comment.hidden,
      createdAt: iso(comment.createdAt),
    })),
  };
  return {
    file: "documents",
    description:
      "dokumenty, których jestem autorem(-ką): dobre praktyki (practices), analizy tematyczne (analyses) i moje komentarze do analiz",
    json,
    tables: [
      {
        file: "documents.csv",
        header: ["Rodzaj", "Tytuł", "Stan", "Streszczenie lub treść", "Utworzono", "Opublikowano"],
        rows: [
          ...practices.map((practice) => [
            "dobra praktyka",
            practice.title,
            practice.status,
            practice.summary,
            local(practice.createdAt),
            local(practice.publishedAt),
          ]),
          ...analyses.map((analysis) => [
            "analiza",
            analysis.title,
            analysis.status,
            analysis.summary,
            local(analysis.createdAt),
            local(analysis.publishedAt),
          ]),
          ...comments.map((comment) => [
            "komentarz do analizy",
            analysisTitles.get(comment.analysisId.toString()) ?? "",
            comment.hidden ? "ukryty" : "widoczny",
            comment.markdown,
            local(comment.createdAt),
            "",
          ]),
        ],
      },
    ],
  };
}

/**
 * Everything the forum holds about one person (RODO art. 15 and 20), for the archive they download.
 * Only their own data: others appear at most by name where it is part of the person's own record
 * (a thread's title, who sent a notification), never with an e-mail or other details.
 */
export async function collectPersonalData(user: UserDocument, sources: ExportSources): Promise<PersonalData> {
  const [uploads, files] = await uploadsDataset(user, sources);
  const datasets = [
    await profileDataset(user),
    await postsDataset(user._id),
    await threadsDataset(user._id),
    await reactionsDataset(user._id),
    await flagsDataset(user._id),
    await draftsDataset(user._id),
    await roomDataset(user._id),
    await attendanceDataset(user._id),
    await consentsDataset(user),
    await sessionsDataset(user._id, sources.currentSessionId),
    uploads,
    await notificationsDataset(user._id),
    await documentsDataset(user),
  ];
  return { datasets, files };
}
