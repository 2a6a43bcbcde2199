import { randomUUID } from "node:crypto";
import type mongoose from "mongoose";
import type { AnalysisStatus, JstType, PracticeStatus, Role } from "@forum/shared";
import { recordEvent } from "../../server/src/commands/recordEvent.js";
import { Analysis } from "../../server/src/models/Analysis.js";
import { Category, type CategoryDocument } from "../../server/src/models/Category.js";
import { Group } from "../../server/src/models/Group.js";
import { Jst } from "../../server/src/models/Jst.js";
import { Membership } from "../../server/src/models/Membership.js";
import { Post, type PostDocument } from "../../server/src/models/Post.js";
import { Practice } from "../../server/src/models/Practice.js";
import { Tag } from "../../server/src/models/Tag.js";
import { TagGroup } from "../../server/src/models/TagGroup.js";
import { Thread, type ThreadDocument } from "../../server/src/models/Thread.js";
import { User } from "../../server/src/models/User.js";
import { reindexPerson } from "../../server/src/subscribers/searchIndexer.js";

/**
 * A small forum written the way members write, for the search relevance set (test/db/searchRelevance.test.ts).
 * Two groups (A: Anna's, B: Marek's) and the network space. Everything is written to the database followed by the
 * event its command records, so the indexer listening in the test process indexes it as it does in the server (the
 * commands themselves render markdown with jsdom, which Jest's module loader cannot run; test/api/search.test.ts
 * goes through them over HTTP). Every key names one searchable thing and who may find it.
 */
export type Audience = "public" | "members" | "groupA" | "groupB" | "nobody";

export interface CorpusItem {
  kind: "thread" | "post" | "practice" | "analysis" | "person" | "tag";
  id: string;
  audience: Audience;
}

export interface SearchCorpus {
  items: Map<string, CorpusItem>;
  users: Record<
    "anna" | "bartek" | "marek" | "zofia" | "jerzy" | "krzysztof" | "moderator" | "expert",
    mongoose.Types.ObjectId
  >;
  groups: { a: mongoose.Types.ObjectId; b: mongoose.Types.ObjectId };
}

/** Corpus texts are plain sentences: one paragraph of HTML, as markdown-it renders them. */
const render = (text: string) => ({ markdown: text, html: `<p>${text}</p>` });

export async function seedSearchCorpus(): Promise<SearchCorpus> {
  const items = new Map<string, CorpusItem>();
  const add = (key: string, kind: CorpusItem["kind"], id: mongoose.Types.ObjectId, audience: Audience) =>
    items.set(key, { kind, id: id.toString(), audience });

  const groupA = await Group.create({ slug: "gwd-szukaj-a", name: "GWD Małopolska (test)", cohort: "2026" });
  const groupB = await Group.create({ slug: "gwd-szukaj-b", name: "GWD Dolny Śląsk (test)", cohort: "2026" });
  const category = async (groupId: mongoose.Types.ObjectId | null, slug: string) =>
    (await Category.create({ groupId, slug, name: slug })).toObject() as CategoryDocument;
  const spaceA = await category(groupA._id, "dyskusje-a");
  const spaceB = await category(groupB._id, "dyskusje-b");
  const network = await category(null, "siec-dyskusje");

  // The local governments people work for: their names are part of a person's card.
  const jst = async (teryt: string, name: string, type: JstType) =>
    (
      await Jst.create({
        teryt,
        name,
        type,
        voivodeshipCode: teryt.slice(0, 2),
        voivodeship: teryt.startsWith("12") ? "małopolskie" : "dolnośląskie",
        searchName: name.toLowerCase(),
      })
    )._id;
  const person = async (
    username: string,
    name: string,
    extra: {
      role?: Role;
      position?: string;
      listed?: boolean;
      group?: mongoose.Types.ObjectId;
      jstId?: mongoose.Types.ObjectId;
    } = {},
  ) => {
    const user = await User.create({
      jstId: extra.jstId ?? null,
      email: `${username}@szukaj.test`,
      passwordHash: "not-used",
      name,
      username,
      role: extra.role ?? "member",
      position: extra.position ?? null,
      consents: { directoryListing: extra.listed ?? false },
    });
    if (extra.group) await Membership.create({ groupId: extra.group, userId: user._id, role: "member" });
    await reindexPerson(user._id);
    return user._id;
  };
  const users = {
    anna: await person("anna.kowalska", "Anna Kowalska", {
      position: "Kierownik referatu oświaty",
      group: groupA._id,
      jstId: await jst("1219063", "Wieliczka", "gmina_miejsko_wiejska"),
    }),
    bartek: await person("bartlomiej.wisniewski", "Bartłomiej Wiśniewski", { group: groupA._id }),
    marek: await person("marek.kaminski", "Marek Kamiński", { group: groupB._id }),
    zofia: await person("zofia.lukaszewicz", "Zofia Łukaszewicz", {
      position: "Dyrektor Centrum Usług Wspólnych",
      listed: true,
      group: groupB._id,
      jstId: await jst("1217", "tatrzański", "powiat"),
    }),
    jerzy: await person("jerzy.zolkiewski", "Jerzy Żółkiewski", {
      position: "Skarbnik powiatu",
      group: groupB._id,
      jstId: await jst("0201022", "Bolesławiec", "gmina_wiejska"),
    }),
    krzysztof: await person("krzysztof.dabrowski", "Krzysztof Dąbrowski", {
      position: "Inspektor do spraw oświaty",
      listed: true,
      jstId: await jst("1262", "Nowy Sącz", "miasto_na_prawach_powiatu"),
    }),
    moderator: await person("katarzyna.nowak", "Katarzyna Nowak", { role: "moderator" }),
    expert: await person("ewa.zielinska", "Ewa Zielińska", { role: "expert" }),
  };
  add("person:anna", "person", users.anna, "groupA");
  add("person:zofia", "person", users.zofia, "members");
  add("person:jerzy", "person", users.jerzy, "groupB");
  add("person:bartek", "person", users.bartek, "groupA");
  add("person:marek", "person", users.marek, "groupB");
  add("person:moderator", "person", users.moderator, "members");
  add("person:expert", "person", users.expert, "members");
  add("person:krzysztof", "person", users.krzysztof, "members");

  const audienceOf = (space: CategoryDocument): Audience =>
    !space.groupId ? "members" : space.groupId.equals(groupA._id) ? "groupA" : "groupB";
  const thread = async (
    key: string,
    space: CategoryDocument,
    authorId: mongoose.Types.ObjectId,
    title: string,
    body: string,
    tags: string[] = [],
  ): Promise<ThreadDocument> => {
    const created = await Thread.create({ categoryId: space._id, groupId: space.groupId, title, authorId, tags });
    await Post.create({
      threadId: created._id,
      number: 1,
      authorId,
      body,
      html: render(body).html,
      clientId: randomUUID(),
    });
    await Thread.updateOne({ _id: created._id }, { $set: { lastPostNumber: 1, postCount: 1 } });
    await recordEvent({
      name: "threads.create",
      actorId: authorId,
      subjectType: "Thread",
      subjectId: created._id,
      groupId: space.groupId,
      threadId: created._id,
      data: { title, tags, categoryId: space._id.toString(), firstPostId: "" },
    });
    add(key, "thread", created._id, audienceOf(space));
    return created.toObject() as ThreadDocument;
  };
  const reply = async (
    key: string,
    target: ThreadDocument,
    space: CategoryDocument,
    authorId: mongoose.Types.ObjectId,
    body: string,
  ): Promise<PostDocument> => {
    const { lastPostNumber } = (await Thread.findOneAndUpdate(
      { _id: target._id },
      { $inc: { lastPostNumber: 1, postCount: 1 } },
      { returnDocument: "after" },
    ).lean())!;
    const post = await Post.create({
      threadId: target._id,
      number: lastPostNumber,
      authorId,
      body,
      html: render(body).html,
      clientId: randomUUID(),
    });
    await recordEvent({
      name: "posts.create",
      actorId: authorId,
      subjectType: "Post",
      subjectId: post._id,
      groupId: space.groupId,
      threadId: target._id,
      data: { number: post.number, attachmentIds: [], mentionedUserIds: [], quotedPostIds: [] },
    });
    add(key, "post", post._id, audienceOf(space));
    return post.toObject() as PostDocument;
  };

  const t1 = await thread(
    "t1",
    spaceA,
    users.anna,
    "Dowozy uczniów do szkół w gminach wiejskich",
    "Jak organizujecie dowóz dzieci do szkoły podstawowej? U nas autobus szkolny kursuje dwa razy dziennie, ale rodzice skarżą się na długi czas dojazdu.",
    ["finansowanie-i-budzet"],
  );
  await reply(
    "t1p1",
    t1,
    spaceA,
    users.bartek,
    "W naszej gminie dowóz realizuje firma przewozowa wyłoniona w przetargu; koszt to około 400 tys. zł rocznie.",
  );
  await reply(
    "t1p2",
    t1,
    spaceA,
    users.anna,
    "Warto sprawdzić, czy opiekun w autobusie jest zatrudniony — to wymóg przy dowozie dzieci niepełnosprawnych.",
  );
  const t2 = await thread(
    "t2",
    spaceA,
    users.bartek,
    "Subwencja oświatowa a wydatki na płace nauczycieli",
    "Subwencja nie pokrywa podwyżek wynagrodzeń nauczycieli. Ile gmina dokłada z własnego budżetu?",
    ["finansowanie-i-budzet"],
  );
  await reply(
    "t2p1",
    t2,
    spaceA,
    users.anna,
    "Przy naliczaniu subwencji liczy się wskaźnik uczniów w szkołach na wsi.",
  );
  const t3 = await thread(
    "t3",
    spaceA,
    users.anna,
    "Monitorowanie jakości edukacji w przedszkolach",
    "Szukamy wskaźników jakości pracy przedszkoli; czy ktoś prowadzi ewaluację zewnętrzną?",
  );
  const secret = await reply(
    "t3hidden",
    t3,
    spaceA,
    users.bartek,
    "Tajny ranking dyrektorów zrobiony bez zgody, proszę go nie rozpowszechniać.",
  );
  await Post.updateOne({ _id: secret._id }, { $set: { hiddenAt: new Date(), hiddenReason: "Dane osobowe" } });
  await recordEvent({
    name: "posts.hide",
    actorId: users.moderator,
    subjectType: "Post",
    subjectId: secret._id,
    groupId: groupA._id,
    threadId: t3._id,
    data: {
      number: secret.number,
      authorId: users.bartek.toString(),
      targetUserId: users.bartek.toString(),
      reason: "Dane osobowe",
      before: { hidden: false, reason: null, auto: false },
      after: { hidden: true, reason: "Dane osobowe", auto: false },
    },
  });
  items.set("t3hidden", { ...items.get("t3hidden")!, audience: "nobody" });
  await thread(
    "t4",
    spaceA,
    users.bartek,
    "Doskonalenie zawodowe dyrektorów szkół",
    "Organizujemy szkolenia dla dyrektorów z zarządzania zespołem i przywództwa edukacyjnego.",
  );
  await thread(
    "t5",
    spaceA,
    users.anna,
    "Kompetencje cyfrowe uczniów i nauczycieli",
    "Laboratoria przyszłości: jak wykorzystać sprzęt, żeby rozwijać kompetencje cyfrowe? Drukarki 3D stoją w szafach.",
    ["kompetencje-cyfrowe"],
  );

  // The cases: every form of a word, stem alternations (Karta/Karcie, Rada/Radzie), place names.
  const t6 = await thread(
    "t6",
    spaceA,
    users.bartek,
    "Finansowanie oświaty",
    "Jak planujecie wydatki na oświatę w przyszłorocznym budżecie? Nasza gmina dokłada do szkół coraz więcej, a rezerwy oświatowej brakuje.",
  );
  await reply(
    "t6p1",
    t6,
    spaceA,
    users.anna,
    "Porównujemy wydatki z samorządami o podobnej liczbie uczniów i oddziałów.",
  );
  await thread(
    "t7",
    spaceA,
    users.anna,
    "Mała szkoła wiejska – łączyć czy utrzymać?",
    "Szkoła wiejska w naszej gminie ma 42 uczniów i jest centrum życia wsi. Czy ktoś zachował małą szkołę dzięki stowarzyszeniu rodziców?",
  );
  await thread(
    "t8",
    spaceA,
    users.bartek,
    "Zmiany w Karcie Nauczyciela od września",
    "Nowelizacja Karty Nauczyciela zmienia pensum i zasady przyznawania dodatku motywacyjnego. Jak liczycie nowe stawki?",
  );
  await thread(
    "t9",
    spaceA,
    users.anna,
    "Sprawozdanie z realizacji zadań szkolnych dla rady miejskiej",
    "Burmistrz co roku przedstawia Radzie Miejskiej informację o realizacji zadań; w tym roku radni pytali głównie o wyniki egzaminów.",
  );
  await thread(
    "t10",
    network,
    users.zofia,
    "Przedszkola samorządowe w Nowym Targu i okolicach",
    "W Nowym Targu brakuje miejsc w przedszkolach; miasto otwiera nowy oddział i szuka kadry.",
  );
  await thread(
    "t11",
    spaceA,
    users.bartek,
    "Szkolne kluby sportowe w Zakopanem",
    "Gmina Zakopane dofinansowuje zajęcia narciarskie dla uczniów szkół podstawowych z Zakopanego i okolic.",
  );
  await thread(
    "t12",
    spaceA,
    users.anna,
    "Rada rodziców a fundusz szkoły",
    "Czy rada rodziców może finansować wycieczki ze swojego funduszu? W jednej szkole radzie rodziców zarzucono brak regulaminu.",
  );

  await thread(
    "tb1",
    spaceB,
    users.marek,
    "Sieć szkół po reformie – łączenie małych szkół",
    "Rada gminy Bolesławiec rozważa likwidację dwóch małych szkół filialnych i utworzenie zespołu szkolno-przedszkolnego.",
  );
  await thread(
    "tb2",
    spaceB,
    users.marek,
    "Stypendia dla uzdolnionych uczniów z powiatu",
    "Powiatowy program stypendialny dla uczniów szkół ponadpodstawowych: regulamin i kryteria oceny.",
  );
  await thread(
    "tb3",
    spaceB,
    users.zofia,
    "Współpraca z dyrektorami przy arkuszach organizacyjnych",
    "Zatwierdzanie arkuszy organizacji pracy szkoły trwa u nas do końca maja; jak to przyspieszyć?",
  );

  await thread(
    "n1",
    network,
    users.zofia,
    "Lokalna koalicja na rzecz edukacji — jak zacząć?",
    "Zapraszamy do dyskusji o budowaniu lokalnych koalicji z organizacjami pozarządowymi, bibliotekami i uczelniami.",
  );
  await thread(
    "n2",
    network,
    users.moderator,
    "Bezpieczeństwo w szkole — procedury kryzysowe",
    "Wymieńmy się procedurami na wypadek zagrożeń: ewakuacja, cyberprzemoc, kryzys psychiczny ucznia.",
  );

  const practice = async (
    key: string,
    fields: {
      title: string;
      summary: string;
      actions?: string;
      status: PracticeStatus;
      isPublic?: boolean;
      tags?: string[];
    },
    audience: Audience,
  ) => {
    const doc = await Practice.create({
      title: fields.title,
      summary: fields.summary,
      actions: render(fields.actions ?? ""),
      status: fields.status,
      isPublic: fields.isPublic ?? false,
      tags: fields.tags ?? [],
      groupId: groupA._id,
      authorId: users.anna,
      publishedAt: fields.status === "published" ? new Date() : null,
    });
    await recordEvent({
      name: fields.status === "published" ? "practices.publish" : "practices.create",
      actorId: null,
      subjectType: "Practice",
      subjectId: doc._id,
      data: {
        title: doc.title,
        authorId: doc.authorId.toString(),
        status: doc.status,
        isPublic: doc.isPublic,
        version: doc.version,
        threadId: null,
        postId: null,
        voivodeshipCodes: [],
        tags: doc.tags,
      },
    });
    add(key, "practice", doc._id, audience);
  };
  await practice(
    "p1",
    {
      title: "Gminny system wsparcia szkół w diagnozie potrzeb uczniów",
      summary:
        "Zespół doradców metodycznych pomaga szkołom diagnozować potrzeby edukacyjne uczniów i planować wsparcie.",
      actions: "Doradcy odwiedzają każdą szkołę raz w miesiącu i **wspólnie z dyrektorem** przygotowują plan.",
      status: "published",
      isPublic: true,
      tags: ["diagnoza-oswiaty-lokalnej"],
    },
    "public",
  );
  await practice(
    "p2",
    {
      title: "Budżet partycypacyjny dla młodzieży szkolnej",
      summary: "Uczniowie szkół ponadpodstawowych decydują o wydaniu 50 tysięcy złotych z budżetu powiatu.",
      status: "published",
    },
    "members",
  );
  await practice(
    "p3",
    {
      title: "Program mentoringu dla nowych nauczycieli",
      summary: "Mentoring w pierwszym roku pracy.",
      status: "draft",
    },
    "nobody",
  );
  await practice(
    "p4",
    { title: "Zielona szkoła: edukacja ekologiczna", summary: "Ekologiczne warsztaty terenowe.", status: "submitted" },
    "nobody",
  );
  await practice(
    "p5",
    {
      title: "Lokalny plan poprawy jakości edukacji w powiecie",
      summary:
        "Powiat przyjął plan jakości edukacji z mierzalnymi celami: wyniki egzaminów, frekwencja, dobrostan uczniów.",
      status: "published",
      isPublic: true,
    },
    "public",
  );

  await practice(
    "p6",
    {
      title: "Szkolenia z narzędzi cyfrowych dla nauczycieli",
      summary:
        "Nauczyciele uczą się pracy z zasobami cyfrowymi i platformami edukacyjnymi; zajęcia prowadzą trenerzy z gminnego centrum.",
      status: "published",
    },
    "members",
  );

  const analysis = async (
    key: string,
    fields: {
      title: string;
      summary: string;
      sections: [string, string][];
      status: AnalysisStatus;
      isPublic?: boolean;
    },
    audience: Audience,
  ) => {
    const doc = await Analysis.create({
      title: fields.title,
      summary: fields.summary,
      sections: fields.sections.map(([heading, text]) => ({ heading, ...render(text) })),
      status: fields.status,
      isPublic: fields.isPublic ?? false,
      authorId: users.expert,
      publishedAt: fields.status === "published" ? new Date() : null,
    });
    await recordEvent({
      name: fields.status === "published" ? "analyses.publish" : "analyses.create",
      actorId: null,
      subjectType: "Analysis",
      subjectId: doc._id,
      data: { title: doc.title },
    });
    add(key, "analysis", doc._id, audience);
  };
  await analysis(
    "a1",
    {
      title: "Finansowanie oświaty w gminach wiejskich 2020–2025",
      summary: "Jak zmieniały się źródła finansowania szkół prowadzonych przez małe gminy.",
      sections: [
        ["Subwencja i dotacje", "Udział subwencji w wydatkach bieżących maleje z roku na rok."],
        ["Wydatki na wynagrodzenia", "Płace nauczycieli stanowią ponad 70% wydatków bieżących gmin na oświatę."],
      ],
      status: "published",
    },
    "members",
  );
  await analysis(
    "a2",
    {
      title: "Kompetencje kluczowe w praktyce szkolnej",
      summary: "Przegląd ośmiu kompetencji kluczowych UE i przykładów ich rozwijania.",
      sections: [
        ["Kompetencje obywatelskie", "Samorządy uczniowskie i debaty oksfordzkie uczą udziału w życiu społecznym."],
        ["Przedsiębiorczość", "Szkolne spółdzielnie uczniowskie i projekty społeczne."],
      ],
      status: "published",
      isPublic: true,
    },
    "public",
  );
  await analysis(
    "a3",
    {
      title: "Analiza absencji nauczycieli",
      summary: "Zwolnienia lekarskie w szkołach.",
      sections: [],
      status: "draft",
    },
    "nobody",
  );

  await analysis(
    "a4",
    {
      title: "Demografia i liczba uczniów w powiatach do 2035 roku",
      summary:
        "Prognoza liczby dzieci w wieku szkolnym: spadek o 15% w powiatach ziemskich, wzrost w strefach podmiejskich.",
      sections: [],
      status: "published",
      isPublic: true,
    },
    "public",
  );

  const tagGroup = await TagGroup.create({ slug: "obszary-szukaj", name: "Obszary zarządzania oświatą" });
  for (const [slug, name] of [
    ["diagnoza-oswiaty-lokalnej", "Diagnoza oświaty lokalnej"],
    ["finansowanie-i-budzet", "Finansowanie i budżet"],
    ["kompetencje-cyfrowe", "Kompetencje cyfrowe"],
  ] as const) {
    const tag = await Tag.create({ slug, name, tagGroupId: tagGroup._id });
    await recordEvent({
      name: "tags.create",
      actorId: null,
      subjectType: "Tag",
      subjectId: tag._id,
      data: { slug, after: { name, tagGroup: tagGroup.slug } },
    });
    add(`tag:${slug}`, "tag", tag._id, "members");
  }
  return { items, users, groups: { a: groupA._id, b: groupB._id } };
}
