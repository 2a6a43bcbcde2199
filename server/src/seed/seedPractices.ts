import type mongoose from "mongoose";
import { practiceCreator } from "../commands/practiceCreator.js";
import { practiceEditor } from "../commands/practiceEditor.js";
import { practicePublisher } from "../commands/practicePublisher.js";
import { practiceReviewer } from "../commands/practiceReviewer.js";
import { practiceSubmitter } from "../commands/practiceSubmitter.js";
import { Group } from "../models/Group.js";
import { Practice } from "../models/Practice.js";
import { User } from "../models/User.js";
import { preparePracticeContent } from "../commands/support/practiceContent.js";

const at = (name: string) => `${name}@demo.forum-jst.pl`;
const EXPERT = at("ewa.zielinska");
const MODERATOR = at("katarzyna.nowak");

interface DemoPractice {
  author: string;
  group: string;
  stage: "draft" | "submitted" | "inReview" | "published";
  isPublic?: boolean;
  title: string;
  summary: string;
  context: string;
  actions: string;
  results: string;
  costs: string;
  fundingSources: string;
  timeFrame: string;
  jsts: string[];
  tags: string[];
}

const DEMO_PRACTICES: DemoPractice[] = [
  {
    author: at("piotr.mazur"),
    group: "gwd-malopolska",
    stage: "published",
    isPublic: true,
    title: "Wspólna diagnoza potrzeb szkół z dyrektorami",
    summary:
      "Miasto co roku diagnozuje potrzeby rozwojowe szkół razem z dyrektorami i na tej podstawie planuje wsparcie: szkolenia, doradztwo i środki na innowacje.",
    context:
      "Dyrektorzy nie wiedzieli, jak miasto dzieli środki na doskonalenie nauczycieli, a wydział edukacji nie znał potrzeb szkół poza danymi z SIO.",
    actions:
      "1. Ankieta dla dyrektorów i rad pedagogicznych (marzec).\n2. Warsztat z wynikami diagnozy dla wszystkich dyrektorów (kwiecień).\n3. Plan wsparcia na kolejny rok szkolny przyjęty po konsultacjach (maj).",
    results:
      "W diagnozie wzięło udział **92% szkół**. Plan wsparcia na 2025/2026 powstał w całości na podstawie jej wyników; dyrektorzy oceniają go wyżej niż poprzednie (ankieta ewaluacyjna).",
    costs: "Ok. 15 000 zł rocznie (moderacja warsztatów, opracowanie wyników).",
    fundingSources: "Budżet miasta, środki na doskonalenie zawodowe nauczycieli",
    timeFrame: "od 2023 r., cyklicznie co roku",
    jsts: ["1261"],
    tags: ["diagnoza-lokalnej-oswiaty", "wspolpraca-z-dyrektorami", "miasto-na-prawach-powiatu"],
  },
  {
    author: at("anna.kowalska"),
    group: "gwd-malopolska",
    stage: "published",
    isPublic: true,
    title: "Gminna sieć współpracy nauczycieli matematyki",
    summary:
      "Nauczyciele matematyki ze wszystkich szkół gminy spotykają się raz w miesiącu, wymieniają materiały i wspólnie analizują wyniki egzaminu ósmoklasisty.",
    context:
      "Wyniki egzaminu z matematyki w gminie były niższe od średniej powiatu, a nauczyciele pracowali w izolacji.",
    actions:
      "Gmina sfinansowała koordynatora sieci i spotkania; szkoły wymieniają się scenariuszami lekcji i zadaniami diagnostycznymi.",
    results: "Po dwóch latach średni wynik z matematyki wzrósł o 6 punktów procentowych.",
    costs: "8 000 zł rocznie (koordynacja, materiały).",
    fundingSources: "Budżet gminy",
    timeFrame: "2023–2025",
    jsts: ["1219053"],
    tags: ["matematyka-nauki-przyrodnicze", "rozwoj-zawodowy-nauczycieli", "klasy-4-8"],
  },
  {
    author: at("marek.kaminski"),
    group: "gwd-wielkopolska-pomorze",
    stage: "published",
    isPublic: true,
    title: "Budżet oświaty planowany razem z dyrektorami szkół",
    summary:
      "Projekt budżetu oświaty powstaje na wspólnych warsztatach z dyrektorami: algorytm podziału środków jest jawny, a zmiany są konsultowane.",
    context: "Co roku spory o podział środków i korekty planów finansowych w trakcie roku.",
    actions: "Jawny algorytm podziału, trzy warsztaty budżetowe w roku, wspólny monitoring wykonania.",
    results: "Liczba korekt planów finansowych spadła o połowę; dyrektorzy rozumieją zasady podziału.",
    costs: "Bez dodatkowych kosztów (czas pracy wydziału).",
    fundingSources: "—",
    timeFrame: "od 2022 r.",
    jsts: ["3064"],
    tags: ["finansowanie-i-budzet", "wspolpraca-z-dyrektorami"],
  },
  {
    author: at("joanna.lewandowska"),
    group: "gwd-wielkopolska-pomorze",
    stage: "published",
    title: "Lokalna koalicja na rzecz czytelnictwa",
    summary:
      "Szkoły, biblioteka gminna i koło gospodyń wiejskich prowadzą wspólny program czytelniczy dla dzieci i rodziców.",
    context: "Niski poziom czytelnictwa wśród uczniów i brak oferty popołudniowej w sołectwach.",
    actions: "Porozumienie koalicji, wspólny kalendarz wydarzeń, biblioteczki w świetlicach wiejskich.",
    results: "Wypożyczenia w bibliotece gminnej wzrosły o 40%.",
    costs: "12 000 zł rocznie.",
    fundingSources: "Budżet gminy, Narodowy Program Rozwoju Czytelnictwa",
    timeFrame: "2024–2025",
    jsts: ["3021093"],
    tags: ["lokalne-koalicje", "rozumienie-i-tworzenie-informacji", "gmina-wiejska"],
  },
  {
    author: at("monika.wozniak"),
    group: "gwd-lubelskie-dolnoslaskie",
    stage: "published",
    title: "Wskaźniki jakości w lokalnym planie podnoszenia jakości",
    summary:
      "Miasto uzgodniło ze szkołami kilka prostych wskaźników jakości i co pół roku omawia je na forum dyrektorów.",
    context: "Plan podnoszenia jakości istniał tylko na papierze: nikt nie sprawdzał, czy działa.",
    actions:
      "Sześć wskaźników (frekwencja, wyniki egzaminów, dobrostan uczniów, doskonalenie nauczycieli…), raport co semestr.",
    results: "Pierwsze decyzje o wsparciu szkół podjęte na podstawie wskaźników.",
    costs: "5 000 zł (ankiety dobrostanu).",
    fundingSources: "Budżet miasta",
    timeFrame: "2024–2026",
    jsts: ["0663"],
    tags: ["monitorowanie-jakosci", "lokalny-plan-jakosci"],
  },
  {
    author: at("andrzej.kozlowski"),
    group: "gwd-lubelskie-dolnoslaskie",
    stage: "published",
    title: "Pracownie cyfrowe w małych szkołach wiejskich",
    summary: "Trzy małe szkoły wiejskie dzielą mobilną pracownię cyfrową i nauczyciela-koordynatora.",
    context: "Małe szkoły nie były w stanie samodzielnie utrzymać pracowni i specjalisty.",
    actions: "Wspólny zakup sprzętu, harmonogram rotacji pracowni, szkolenia dla nauczycieli.",
    results: "Każdy uczeń klas 4–8 ma co najmniej 10 godzin zajęć w pracowni w semestrze.",
    costs: "60 000 zł jednorazowo, 10 000 zł rocznie.",
    fundingSources: "Program Laboratoria Przyszłości, budżet gminy",
    timeFrame: "od 2023 r.",
    jsts: ["0614011"],
    tags: ["kompetencje-cyfrowe", "gmina-miejsko-wiejska"],
  },
  {
    author: at("agnieszka.dabrowska"),
    group: "gwd-wielkopolska-pomorze",
    stage: "inReview",
    title: "Doradztwo zawodowe z lokalnymi pracodawcami",
    summary: "Uczniowie klas 7–8 odbywają krótkie wizyty u lokalnych pracodawców, przygotowane z doradcą zawodowym.",
    context: "Uczniowie wybierali szkoły ponadpodstawowe bez znajomości lokalnego rynku pracy.",
    actions: "Porozumienia z 15 firmami, karty wizyt, spotkania z rodzicami.",
    results: "Pierwszy rocznik: 80% uczniów uczestniczyło w co najmniej dwóch wizytach.",
    costs: "4 000 zł (transport).",
    fundingSources: "Budżet miasta",
    timeFrame: "2025",
    jsts: ["2264"],
    tags: ["przedsiebiorczosc", "ksztalcenie-zawodowe"],
  },
  {
    author: at("robert.pawlak"),
    group: "gwd-lubelskie-dolnoslaskie",
    stage: "submitted",
    title: "Wsparcie psychologiczne współdzielone przez szkoły gminy",
    summary: "Psycholog zatrudniony przez gminę pracuje w kilku szkołach według wspólnego grafiku.",
    context: "Szkoły nie mogły znaleźć psychologów na niepełne etaty.",
    actions: "Zatrudnienie w centrum usług wspólnych, grafik dyżurów, konsultacje online.",
    results: "Każda szkoła ma psychologa co najmniej raz w tygodniu.",
    costs: "Etat psychologa.",
    fundingSources: "Budżet gminy",
    timeFrame: "od września 2025",
    jsts: ["0223052"],
    tags: ["system-wsparcia-szkol", "osobiste-spoleczne-uczenie-sie"],
  },
  {
    author: at("magdalena.wojcik"),
    group: "gwd-malopolska",
    stage: "draft",
    title: "Dzień otwarty przedszkoli samorządowych",
    summary: "Wspólny dzień otwarty wszystkich przedszkoli gminy.",
    context: "",
    actions: "",
    results: "",
    costs: "",
    fundingSources: "",
    timeFrame: "",
    jsts: ["1219043"],
    tags: ["wychowanie-przedszkolne"],
  },
  {
    author: at("krzysztof.szymanski"),
    group: "gwd-wielkopolska-pomorze",
    stage: "draft",
    title: "Mentoring dla nowych dyrektorów szkół",
    summary: "Doświadczeni dyrektorzy wspierają nowo powołanych przez pierwszy rok.",
    context: "",
    actions: "",
    results: "",
    costs: "",
    fundingSources: "",
    timeFrame: "",
    jsts: ["2205083"],
    tags: ["wspolpraca-z-dyrektorami"],
  },
  {
    author: at("ewelina.jankowska"),
    group: "gwd-lubelskie-dolnoslaskie",
    stage: "draft",
    title: "Szkolne rady uczniowskie w budżecie obywatelskim",
    summary: "Uczniowie zgłaszają projekty do budżetu obywatelskiego gminy.",
    context: "",
    actions: "",
    results: "",
    costs: "",
    fundingSources: "",
    timeFrame: "",
    jsts: ["0614083"],
    tags: ["kompetencje-obywatelskie"],
  },
];

async function userIdOf(email: string): Promise<mongoose.Types.ObjectId> {
  const user = await User.findOne({ email }, { _id: 1 }).lean();
  if (!user) throw new Error(`Demo: nieznany użytkownik ${email}`);
  return user._id;
}

/**
 * Demo good practices through the same commands people use (so their events reach the search index and the
 * library): six published (three public) across the groups, one submitted, one in review with an expert's opinion,
 * one draft per group. Idempotent: a practice with the same title is left as it is.
 */
export async function seedPractices(): Promise<number> {
  let created = 0;
  const expertId = await userIdOf(EXPERT);
  const moderatorId = await userIdOf(MODERATOR);
  for (const demo of DEMO_PRACTICES) {
    if (await Practice.exists({ title: demo.title })) continue;
    const authorId = await userIdOf(demo.author);
    const group = await Group.findOne({ slug: demo.group }, { _id: 1 }).lean();
    let practice = await practiceCreator({ authorId, title: demo.title, source: null });
    if (group) {
      await Practice.updateOne({ _id: practice._id }, { $set: { groupId: group._id } });
      practice = { ...practice, groupId: group._id };
    }
    const content = await preparePracticeContent(
      { ...demo, contact: { name: "", email: "", phone: "" }, attachmentIds: [] },
      { uploaderIds: [authorId], practiceId: practice._id },
    );
    practice = await practiceEditor({ practice, content, baseVersion: 1, note: "", editorId: authorId });
    created += 1;
    if (demo.stage === "draft") continue;
    practice = await practiceSubmitter({ practice, actorId: authorId });
    if (demo.stage === "submitted") continue;
    practice = (
      await practiceReviewer({
        practice,
        reviewerId: expertId,
        verdict: "recommend",
        opinion:
          "Praktyka jest dobrze udokumentowana, ma mierzalne rezultaty i da się ją przenieść do innych samorządów. Rekomenduję publikację.",
      })
    ).practice;
    if (demo.stage === "inReview") continue;
    await practicePublisher({ practice, isPublic: demo.isPublic ?? false, actorId: moderatorId });
  }
  return created;
}
