import type { AddresseeGroup, Role } from "@forum/shared";

/** The one password of every demo account; printed at start, never used outside the demo. */
export const DEMO_PASSWORD = "Demo-Haslo-2026!";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** TERYT code of the person's JST; null for ZMP and ORE staff. */
  jstTeryt: string | null;
  position: string;
  addresseeGroup: AddresseeGroup | null;
}

export interface DemoGroup {
  slug: string;
  name: string;
  cohort: string;
  description: string;
  /** Real units from the TERYT register; the seed fails loudly if one is missing. */
  jstTeryt: string[];
  members: { email: string; role: "facilitator" | "member" }[];
  /** Where the group's two-day sessions take place. */
  venue: string;
}

export interface DemoThread {
  /** Group slug, or null for a network-wide category. */
  group: string | null;
  category: string;
  title: string;
  /** Tag slugs from the starting taxonomy (seed/taxonomy.ts). */
  tags?: string[];
  /** Posts in order; the first opens the thread. Days ago keeps the demo looking recent. */
  posts: { author: string; daysAgo: number; body: string }[];
}

const domain = "demo.forum-jst.pl";
const at = (local: string) => `${local}@${domain}`;

export const DEMO_USERS: DemoUser[] = [
  {
    email: at("admin"),
    name: "Administrator Forum",
    role: "admin",
    jstTeryt: null,
    position: "Administrator systemu",
    addresseeGroup: null,
  },
  {
    email: at("katarzyna.nowak"),
    name: "Katarzyna Nowak",
    role: "moderator",
    jstTeryt: null,
    position: "Moderatorka GWD, Związek Miast Polskich",
    addresseeGroup: null,
  },
  {
    email: at("tomasz.wisniewski"),
    name: "Tomasz Wiśniewski",
    role: "moderator",
    jstTeryt: null,
    position: "Koordynator GWD, Związek Miast Polskich",
    addresseeGroup: null,
  },
  {
    email: at("ewa.zielinska"),
    name: "dr Ewa Zielińska",
    role: "expert",
    jstTeryt: null,
    position: "Ekspertka ds. zarządzania oświatą, ORE",
    addresseeGroup: null,
  },
  // Grupa małopolska
  {
    email: at("anna.kowalska"),
    name: "Anna Kowalska",
    role: "member",
    jstTeryt: "1219053",
    position: "Naczelniczka Wydziału Edukacji",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("piotr.mazur"),
    name: "Piotr Mazur",
    role: "member",
    jstTeryt: "1261",
    position: "Inspektor ds. jakości edukacji",
    addresseeGroup: "pracownik_operacyjny",
  },
  {
    email: at("magdalena.wojcik"),
    name: "Magdalena Wójcik",
    role: "member",
    jstTeryt: "1219043",
    position: "Zastępczyni burmistrza",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("jan.krawczyk"),
    name: "Jan Krawczyk",
    role: "member",
    jstTeryt: "1217011",
    position: "Skarbnik gminy",
    addresseeGroup: "pracownik_operacyjny",
  },
  {
    email: at("barbara.lis"),
    name: "Barbara Lis",
    role: "member",
    jstTeryt: "1219",
    position: "Dyrektorka Wydziału Oświaty Starostwa",
    addresseeGroup: "kadra_kierownicza",
  },
  // Grupa wielkopolsko-pomorska
  {
    email: at("marek.kaminski"),
    name: "Marek Kamiński",
    role: "member",
    jstTeryt: "3064",
    position: "Zastępca dyrektora Wydziału Oświaty",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("joanna.lewandowska"),
    name: "Joanna Lewandowska",
    role: "member",
    jstTeryt: "3021093",
    position: "Analityczka budżetu oświaty",
    addresseeGroup: "pracownik_operacyjny",
  },
  {
    email: at("pawel.zajac"),
    name: "Paweł Zając",
    role: "member",
    jstTeryt: "3021152",
    position: "Wójt gminy",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("agnieszka.dabrowska"),
    name: "Agnieszka Dąbrowska",
    role: "member",
    jstTeryt: "2264",
    position: "Członkini Komisji Edukacji Rady Miasta",
    addresseeGroup: "pracownik_operacyjny",
  },
  {
    email: at("krzysztof.szymanski"),
    name: "Krzysztof Szymański",
    role: "member",
    jstTeryt: "2205083",
    position: "Kierownik Zespołu Obsługi Szkół",
    addresseeGroup: "pracownik_operacyjny",
  },
  // Grupa lubelsko-dolnośląska
  {
    email: at("monika.wozniak"),
    name: "Monika Woźniak",
    role: "member",
    jstTeryt: "0663",
    position: "Dyrektorka Wydziału Oświaty i Wychowania",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("andrzej.kozlowski"),
    name: "Andrzej Kozłowski",
    role: "member",
    jstTeryt: "0614011",
    position: "Prezydent miasta",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("ewelina.jankowska"),
    name: "Ewelina Jankowska",
    role: "member",
    jstTeryt: "0614083",
    position: "Inspektorka ds. oświaty",
    addresseeGroup: "pracownik_operacyjny",
  },
  {
    email: at("robert.pawlak"),
    name: "Robert Pawlak",
    role: "member",
    jstTeryt: "0223052",
    position: "Sekretarz gminy",
    addresseeGroup: "kadra_kierownicza",
  },
  {
    email: at("natalia.michalska"),
    name: "Natalia Michalska",
    role: "member",
    jstTeryt: "0614",
    position: "Specjalistka ds. finansowania szkół",
    addresseeGroup: "pracownik_operacyjny",
  },
];

export const DEMO_GROUPS: DemoGroup[] = [
  {
    slug: "gwd-malopolska",
    venue: "Kraków, Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4",
    name: "GWD Małopolska",
    cohort: "Etap I, 2025/2026",
    description:
      "Gminy i powiaty z okolic Krakowa, Wieliczki i Zakopanego: wspólna diagnoza potrzeb szkół i planowanie wsparcia dla kompetencji kluczowych uczniów.",
    jstTeryt: ["1261", "1219053", "1219043", "1219012", "1217011", "1206113", "1206162", "1219"],
    members: [
      { email: at("katarzyna.nowak"), role: "facilitator" },
      { email: at("anna.kowalska"), role: "member" },
      { email: at("piotr.mazur"), role: "member" },
      { email: at("magdalena.wojcik"), role: "member" },
      { email: at("jan.krawczyk"), role: "member" },
      { email: at("barbara.lis"), role: "member" },
    ],
  },
  {
    slug: "gwd-wielkopolska-pomorze",
    venue: "Poznań, Urząd Miasta Poznania, pl. Kolegiacki 17",
    name: "GWD Wielkopolska i Pomorze",
    cohort: "Etap I, 2025/2026",
    description:
      "Miasta, gminy podmiejskie i powiat poznański wymieniają się doświadczeniami w finansowaniu oświaty i współpracy z dyrektorami szkół.",
    jstTeryt: ["3064", "3021093", "3021152", "3003011", "3030053", "3021", "2264", "2205083"],
    members: [
      { email: at("tomasz.wisniewski"), role: "facilitator" },
      { email: at("marek.kaminski"), role: "member" },
      { email: at("joanna.lewandowska"), role: "member" },
      { email: at("pawel.zajac"), role: "member" },
      { email: at("agnieszka.dabrowska"), role: "member" },
      { email: at("krzysztof.szymanski"), role: "member" },
      { email: at("ewa.zielinska"), role: "member" },
    ],
  },
  {
    slug: "gwd-lubelskie-dolnoslaskie",
    venue: "Lublin, Urząd Miasta Lublin, pl. Króla Władysława Łokietka 1",
    name: "GWD Lubelszczyzna i Dolny Śląsk",
    cohort: "Etap I, 2025/2026",
    description:
      "Samorządy z województw lubelskiego i dolnośląskiego pracują nad lokalnymi planami podnoszenia jakości usług oświatowych i monitorowaniem jakości.",
    jstTeryt: ["0663", "0614011", "0614083", "0614", "0617011", "0664", "0223052", "0214011"],
    members: [
      { email: at("katarzyna.nowak"), role: "facilitator" },
      { email: at("monika.wozniak"), role: "member" },
      { email: at("andrzej.kozlowski"), role: "member" },
      { email: at("ewelina.jankowska"), role: "member" },
      { email: at("robert.pawlak"), role: "member" },
      { email: at("natalia.michalska"), role: "member" },
    ],
  },
];

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
  kind: "discussion" | "announcements";
}

export const GROUP_CATEGORIES: DemoCategory[] = [
  {
    slug: "ogloszenia",
    name: "Ogłoszenia grupy",
    description: "Informacje moderatorów o sesjach, terminach i materiałach.",
    kind: "announcements",
  },
  {
    slug: "dyskusje",
    name: "Dyskusje między sesjami",
    description: "Pytania, pomysły i doświadczenia między dwudniowymi spotkaniami.",
    kind: "discussion",
  },
  {
    slug: "finansowanie",
    name: "Finansowanie oświaty",
    description: "Subwencja, budżety szkół, fundusze na doskonalenie nauczycieli.",
    kind: "discussion",
  },
  {
    slug: "materialy",
    name: "Materiały ze spotkań",
    description: "Prezentacje, notatki i zadania z sesji GWD.",
    kind: "discussion",
  },
];

export const NETWORK_CATEGORIES: DemoCategory[] = [
  {
    slug: "ogloszenia-zmp",
    name: "Ogłoszenia Związku Miast Polskich",
    description: "Komunikaty dla całej sieci.",
    kind: "announcements",
  },
  {
    slug: "siec-liderow",
    name: "Sieć liderów oświaty",
    description: "Rozmowy wszystkich grup: co działa w naszych samorządach.",
    kind: "discussion",
  },
];

export const DEMO_THREADS: DemoThread[] = [
  {
    group: "gwd-malopolska",
    category: "ogloszenia",
    title: "Sesja 3: diagnoza stanu oświaty — materiały do przygotowania",
    tags: ["diagnoza-lokalnej-oswiaty"],
    posts: [
      {
        author: at("katarzyna.nowak"),
        daysAgo: 9,
        body: "Dzień dobry,\n\nprzed trzecią sesją prosimy o przygotowanie:\n\n1. wyników egzaminu ósmoklasisty z ostatnich trzech lat,\n2. danych o liczbie uczniów na oddział,\n3. krótkiej notatki: **jedno wyzwanie**, z którym gmina mierzy się w tym roku.\n\nSpotykamy się w Wieliczce, szczegóły w zaproszeniu.",
      },
      {
        author: at("barbara.lis"),
        daysAgo: 8,
        body: "Dziękuję. Czy dane z powiatu mają obejmować też szkoły ponadpodstawowe prowadzone przez powiat?",
      },
      {
        author: at("katarzyna.nowak"),
        daysAgo: 8,
        body: "Tak, prosimy o całość — to będzie dobry materiał do porównania z gminami.",
      },
    ],
  },
  {
    group: "gwd-malopolska",
    category: "dyskusje",
    title: "Jak rozmawiać z dyrektorami o wynikach egzaminów?",
    tags: ["wspolpraca-z-dyrektorami", "monitorowanie-jakosci", "klasy-4-8"],
    posts: [
      {
        author: at("anna.kowalska"),
        daysAgo: 6,
        body: "Od roku organizujemy w Wieliczce spotkania z dyrektorami po ogłoszeniu wyników egzaminów. Na początku było nerwowo — dyrektorzy traktowali to jak rozliczanie.\n\nZmieniliśmy formułę: zaczynamy od tego, **co się udało**, a dopiero potem patrzymy na obszary do poprawy. Czy ktoś ma podobne doświadczenia?",
      },
      {
        author: at("piotr.mazur"),
        daysAgo: 5,
        body: "W Krakowie pomogło nam pokazywanie edukacyjnej wartości dodanej zamiast samych średnich. Dyrektorzy szkół w trudniejszych dzielnicach przestali czuć się oceniani niesprawiedliwie.",
      },
      {
        author: at("magdalena.wojcik"),
        daysAgo: 4,
        body: "U nas w Niepołomicach dyrektorzy sami przygotowują krótką prezentację — to ich rozmowa, nie nasza. Polecam.",
      },
      {
        author: at("anna.kowalska"),
        daysAgo: 2,
        body: "Dziękuję za pomysły! Spróbuję połączyć jedno i drugie na najbliższym spotkaniu.",
      },
    ],
  },
  {
    group: "gwd-malopolska",
    category: "finansowanie",
    title: "Fundusz na doskonalenie nauczycieli — jak planujecie podział?",
    tags: ["rozwoj-zawodowy-nauczycieli", "finansowanie-i-budzet"],
    posts: [
      {
        author: at("jan.krawczyk"),
        daysAgo: 3,
        body: "Zbliża się planowanie budżetu na przyszły rok. Jak dzielicie środki na doskonalenie zawodowe nauczycieli — algorytmem, czy na podstawie wniosków szkół?",
      },
      {
        author: at("barbara.lis"),
        daysAgo: 1,
        body: "W powiecie łączymy oba sposoby: 60% algorytmem według liczby etatów, 40% na wspólne szkolenia wynikające z diagnozy potrzeb.",
      },
    ],
  },
  {
    group: "gwd-wielkopolska-pomorze",
    category: "dyskusje",
    title: "Współpraca gmin podmiejskich z miastem w dowozie uczniów",
    tags: ["lokalne-koalicje", "gmina-wiejska"],
    posts: [
      {
        author: at("pawel.zajac"),
        daysAgo: 7,
        body: "Suchy Las rośnie, a część rodzin wozi dzieci do szkół w Poznaniu. Czy ktoś ma porozumienie międzygminne w sprawie dowozu lub naboru?",
      },
      {
        author: at("marek.kaminski"),
        daysAgo: 6,
        body: "Rozmawiamy o tym z kilkoma gminami powiatu poznańskiego. Chętnie pokażę projekt porozumienia na najbliższej sesji.",
      },
      {
        author: at("ewa.zielinska"),
        daysAgo: 5,
        body: "Warto od razu dopisać do porozumienia sposób wymiany danych o uczniach — zgodnie z RODO i z jasnym celem przetwarzania.",
      },
    ],
  },
  {
    group: "gwd-wielkopolska-pomorze",
    category: "finansowanie",
    title: "Subwencja oświatowa a realne koszty szkół — arkusz do porównań",
    tags: ["finansowanie-i-budzet"],
    posts: [
      {
        author: at("joanna.lewandowska"),
        daysAgo: 4,
        body: "Przygotowałam w Kórniku arkusz, który zestawia subwencję z wydatkami bieżącymi szkół w przeliczeniu na ucznia. Jeśli ktoś chce, udostępnię wzór.",
      },
      {
        author: at("agnieszka.dabrowska"),
        daysAgo: 3,
        body: "Bardzo proszę! W Sopocie komisja edukacji właśnie o to pyta.",
      },
    ],
  },
  {
    group: "gwd-lubelskie-dolnoslaskie",
    category: "dyskusje",
    title: "Lokalny plan podnoszenia jakości usług oświatowych — od czego zacząć?",
    tags: ["lokalny-plan-jakosci", "diagnoza-lokalnej-oswiaty"],
    posts: [
      {
        author: at("ewelina.jankowska"),
        daysAgo: 5,
        body: "Mamy w Nałęczowie przygotować lokalny plan. Od czego zaczynaliście: od diagnozy, od konsultacji z dyrektorami, czy od celów strategii gminy?",
      },
      {
        author: at("monika.wozniak"),
        daysAgo: 4,
        body: "W Lublinie zaczęliśmy od diagnozy i warsztatu z dyrektorami. Cele strategii pomagają, ale bez danych plan zostaje na papierze.",
      },
      {
        author: at("robert.pawlak"),
        daysAgo: 2,
        body: "W Kobierzycach zaprosiliśmy też rodziców i radnych — plan zyskał poparcie przy uchwalaniu budżetu.",
      },
    ],
  },
  {
    group: null,
    category: "siec-liderow",
    title: "Witamy w Sieci Współpracy Samorządowych Liderów Oświaty",
    posts: [
      {
        author: at("tomasz.wisniewski"),
        daysAgo: 10,
        body: "To miejsce rozmów wszystkich Grup Wymiany Doświadczeń. Zapraszamy do dzielenia się tym, co działa w Waszych samorządach — **dobre praktyki** z jednej grupy mogą pomóc setkom innych JST.",
      },
      {
        author: at("natalia.michalska"),
        daysAgo: 9,
        body: "Dzień dobry wszystkim z powiatu puławskiego! Cieszymy się, że możemy uczyć się od innych grup.",
      },
    ],
  },
];

/** Topics of the nine two-day sessions of a GWD cycle. */
export const DEMO_MEETING_TOPICS: string[] = [
  "Sesja 1: poznajmy się — cele i zasady pracy grupy",
  "Sesja 2: kompetencje kluczowe uczniów w naszych szkołach",
  "Sesja 3: diagnoza stanu lokalnej oświaty",
  "Sesja 4: dane i wskaźniki — jak monitorować jakość",
  "Sesja 5: finansowanie oświaty i budżet zadaniowy",
  "Sesja 6: system wsparcia szkół i rozwój nauczycieli",
  "Sesja 7: współpraca z dyrektorami i lokalne koalicje",
  "Sesja 8: lokalny plan podnoszenia jakości usług oświatowych",
  "Sesja 9: podsumowanie i dobre praktyki do upowszechnienia",
];

export interface DemoAgendaItem {
  day: 1 | 2;
  startTime: string;
  endTime: string;
  title: string;
  speaker: string;
  description: string;
}

const DEMO_SPEAKERS = [
  "dr Ewa Zielińska (ekspertka ZMP)",
  "Katarzyna Nowak (moderatorka ZMP)",
  "Tomasz Wiśniewski (ORE)",
  "dr hab. Marta Lewandowska",
  "Agnieszka Dąbrowska (samorządowa ekspertka)",
];

/** A two-day programme of a demo session: four points on day 1, three on day 2, speakers rotating with the number. */
export function demoAgenda(number: number, topic: string): DemoAgendaItem[] {
  const theme = topic.replace(/^Sesja \d+: /, "");
  const speaker = (offset: number) => DEMO_SPEAKERS[(number + offset) % DEMO_SPEAKERS.length] ?? "";
  return [
    {
      day: 1,
      startTime: "09:00",
      endTime: "09:30",
      title: "Powitanie i cele sesji",
      speaker: speaker(1),
      description: "",
    },
    {
      day: 1,
      startTime: "09:30",
      endTime: "11:00",
      title: `Wykład wprowadzający: ${theme}`,
      speaker: speaker(0),
      description: "Przegląd zagadnienia, dane z sieci i pytania do dyskusji.",
    },
    {
      day: 1,
      startTime: "11:30",
      endTime: "13:30",
      title: "Warsztat w zespołach JST",
      speaker: speaker(2),
      description: "Praca na przykładach z gmin i powiatów uczestników.",
    },
    {
      day: 1,
      startTime: "14:30",
      endTime: "16:00",
      title: "Prezentacje zespołów i dyskusja",
      speaker: speaker(1),
      description: "",
    },
    {
      day: 2,
      startTime: "09:00",
      endTime: "10:30",
      title: "Studium przypadku: dobre praktyki z sieci",
      speaker: speaker(3),
      description: "Jak inne samorządy poradziły sobie z tym tematem.",
    },
    {
      day: 2,
      startTime: "11:00",
      endTime: "13:00",
      title: "Plan działań na okres między sesjami",
      speaker: speaker(2),
      description: "Każda JST ustala dwa-trzy kroki do wykonania przed kolejną sesją.",
    },
    {
      day: 2,
      startTime: "13:30",
      endTime: "15:00",
      title: "Podsumowanie i ewaluacja",
      speaker: speaker(1),
      description: "",
    },
  ];
}
