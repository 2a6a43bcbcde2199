import { analysisCommentCreator } from "../commands/analysisCommentCreator.js";
import { analysisCreator } from "../commands/analysisCreator.js";
import { analysisPublisher } from "../commands/analysisPublisher.js";
import { Analysis } from "../models/Analysis.js";
import { User } from "../models/User.js";

interface DemoAnalysis {
  title: string;
  authorEmail: string;
  isPublic: boolean;
  summary: string;
  tags: string[];
  sections: { heading: string; markdown: string }[];
  /** Comments on the sections, by index. */
  comments: { section: number; authorEmail: string; body: string }[];
}

const ANALYSES: DemoAnalysis[] = [
  {
    title: "Finansowanie oświaty w gminach wiejskich",
    authorEmail: "ewa.zielinska@demo.forum-jst.pl",
    isPublic: true,
    summary:
      "Jak gminy wiejskie łączą subwencję oświatową, dochody własne i środki zewnętrzne, gdzie powstaje luka finansowa i jakie decyzje ją zmniejszają.",
    tags: ["finansowanie-i-budzet", "gmina-wiejska", "diagnoza-lokalnej-oswiaty"],
    sections: [
      {
        heading: "Skąd bierze się luka finansowa",
        markdown:
          "W większości badanych gmin wiejskich **subwencja oświatowa pokrywa 60–75%** wydatków bieżących na szkoły. Resztę gmina dokłada z dochodów własnych.\n\nNajwiększy wpływ mają: małe oddziały, dowożenie uczniów i wynagrodzenia nauczycieli zależne od stopnia awansu.",
      },
      {
        heading: "Sieć szkół a koszt ucznia",
        markdown:
          "Koszt kształcenia ucznia w szkole do 70 uczniów bywa **dwukrotnie wyższy** niż w szkole liczącej 300 uczniów. Decyzje o sieci szkół warto poprzedzić diagnozą demograficzną na 10 lat i konsultacjami z rodzicami.",
      },
      {
        heading: "Środki zewnętrzne",
        markdown:
          "- programy rządowe (np. wyposażenie pracowni, Laboratoria Przyszłości),\n- fundusze europejskie (FERS, programy regionalne),\n- partnerstwa z organizacjami pozarządowymi.\n\nKluczowe jest **zaplanowanie trwałości**: kto zapłaci za utrzymanie sprzętu i zajęć po zakończeniu projektu.",
      },
      {
        heading: "Rekomendacje dla JST",
        markdown:
          "1. Prowadzić wieloletnią prognozę wydatków oświatowych.\n2. Analizować koszt ucznia w każdej szkole co roku.\n3. Łączyć decyzje finansowe z lokalnym planem podnoszenia jakości.\n4. Rozmawiać o budżecie z dyrektorami przed jego uchwaleniem.",
      },
    ],
    comments: [
      {
        section: 1,
        authorEmail: "anna.kowalska@demo.forum-jst.pl",
        body: "U nas ta sama obserwacja: dwie szkoły filialne kosztują tyle, co jedna duża. Konsultacje z rodzicami trwały pół roku.",
      },
      {
        section: 2,
        authorEmail: "marek.kaminski@demo.forum-jst.pl",
        body: "Dobrze, że pojawia się wątek trwałości. Po projekcie zostaliśmy ze sprzętem, ale bez pieniędzy na serwis.",
      },
    ],
  },
  {
    title: "Monitorowanie jakości kształcenia w JST",
    authorEmail: "katarzyna.nowak@demo.forum-jst.pl",
    isPublic: false,
    summary:
      "Jakie dane samorząd może zbierać o jakości pracy szkół, jak je czytać razem z dyrektorami i jak nie zamienić monitorowania w ranking.",
    tags: ["monitorowanie-jakosci", "wspolpraca-z-dyrektorami", "lokalny-plan-jakosci"],
    sections: [
      {
        heading: "Po co samorządowi monitorowanie",
        markdown:
          "Monitorowanie jakości daje organowi prowadzącemu podstawę do **decyzji o wsparciu szkół**, a nie do ich oceniania. Celem jest rozmowa o rozwoju.",
      },
      {
        heading: "Jakie dane zbierać",
        markdown:
          "- wyniki egzaminów w ujęciu kilkuletnim (edukacyjna wartość dodana),\n- frekwencja i absencja,\n- wyniki ankiet dobrostanu uczniów,\n- udział nauczycieli w doskonaleniu zawodowym.",
      },
      {
        heading: "Rozmowa z dyrektorami",
        markdown:
          "Dane warto omawiać **na wspólnych spotkaniach z dyrektorami**, przed publikacją. Dyrektorzy znają kontekst, który wyjaśnia wiele liczb.",
      },
      {
        heading: "Pułapki",
        markdown:
          "Największa pułapka to ranking szkół w lokalnej prasie. Druga: zbieranie danych, których nikt potem nie wykorzystuje.",
      },
      {
        heading: "Od danych do planu",
        markdown:
          "Wnioski z monitorowania powinny trafiać do **lokalnego planu podnoszenia jakości** jako konkretne działania z terminami i osobami odpowiedzialnymi.",
      },
    ],
    comments: [
      {
        section: 2,
        authorEmail: "piotr.mazur@demo.forum-jst.pl",
        body: "Spotkania z dyrektorami przed publikacją danych to u nas przełom: mniej obaw, więcej pomysłów.",
      },
    ],
  },
  {
    title: "Wsparcie rozwoju zawodowego nauczycieli na poziomie gminy",
    authorEmail: "ewa.zielinska@demo.forum-jst.pl",
    isPublic: false,
    summary:
      "Przegląd form wsparcia, które gmina może organizować lub finansować: sieci współpracy, mentoring, szkolenia rad pedagogicznych.",
    tags: ["rozwoj-zawodowy-nauczycieli", "system-wsparcia-szkol"],
    sections: [
      {
        heading: "Diagnoza potrzeb",
        markdown: "Plan doskonalenia zaczyna się od **diagnozy potrzeb** szkół, a nie od oferty szkoleniowej.",
      },
      {
        heading: "Sieci współpracy i samokształcenia",
        markdown:
          "Sieci nauczycieli z kilku szkół pozwalają dzielić się doświadczeniem bez kosztów zastępstw. Gmina może sfinansować koordynatora.",
      },
      {
        heading: "Mentoring dla początkujących",
        markdown: "Program mentorski zmniejsza odejścia młodych nauczycieli z zawodu w pierwszych trzech latach pracy.",
      },
      {
        heading: "Ocena efektów",
        markdown:
          "Efekty warto oceniać po zmianach w praktyce lekcyjnej, a nie po liczbie wydanych zaświadczeń o ukończeniu szkoleń.",
      },
    ],
    comments: [],
  },
];

/** Thematic analyses for the demo: published, one of them public, with a few comments on their sections. */
export async function seedAnalyses(): Promise<number> {
  let created = 0;
  for (const demo of ANALYSES) {
    if (await Analysis.exists({ title: demo.title })) continue;
    const author = await User.findOne({ email: demo.authorEmail }, { _id: 1 }).lean();
    if (!author) throw new Error(`Demo: nieznany użytkownik ${demo.authorEmail}`);
    const draft = await analysisCreator({
      input: {
        title: demo.title,
        summary: demo.summary,
        tags: demo.tags,
        sections: demo.sections,
        confirmRemoval: false,
      },
      authorId: author._id,
      // Recorded as the system's, like the rest of the demo data: the audit log shows what staff really did.
      actorId: null,
    });
    const analysis = await analysisPublisher({ analysis: draft, isPublic: demo.isPublic, actorId: null });
    for (const comment of demo.comments) {
      const commenter = await User.findOne({ email: comment.authorEmail }, { _id: 1 }).lean();
      const section = analysis.sections[comment.section];
      if (!commenter || !section) continue;
      await analysisCommentCreator({ analysis, sectionId: section._id, body: comment.body, authorId: commenter._id });
    }
    created += 1;
  }
  return created;
}
