import type { SearchResults } from "@forum/shared";
import type { SearchCorpus } from "./searchCorpus.js";

/**
 * The search relevance set: Polish queries against the corpus of searchCorpus.ts, each with the key of the item a
 * person searching expects among the first five hits — searched as Anna, a member of group A. Shared by the test
 * (test/db/searchRelevance.test.ts, which keeps hits@5 at RELEVANCE_TARGET or above) and `npm run search:relevance`
 * (scripts/search/relevance.ts, which prints every query's rank, hits@5 and the mean reciprocal rank).
 *
 * Grouped by what they exercise: every case of the domain's common nouns and adjectives (with stem alternations),
 * no diacritics, typos, several words (some of which no item has), people's names and the names of local governments.
 */
export const RELEVANCE_SET: readonly (readonly [query: string, key: string])[] = [
  // oświata: every case, with and without diacritics (a thread titled "Finansowanie oświaty")
  ["oświata", "t6"],
  ["oswiata", "t6"],
  ["oświaty", "t6"],
  ["oświacie", "t6"],
  ["oswiacie", "t6"],
  ["oświatę", "t6"],
  ["oświatą", "t6"],
  ["finansowania oswiaty", "t6"],
  ["wydatki na oświatę", "t6"],
  ["rezerwa oświatowa", "t6"],
  ["finansowanie oświaty", "a1"],
  // szkoła wiejska: noun and adjective together, in every case
  ["szkoła wiejska", "t7"],
  ["szkoly wiejskiej", "t7"],
  ["szkole wiejskiej", "t7"],
  ["szkołę wiejską", "t7"],
  ["szkołą wiejską", "t7"],
  ["szkołach wiejskich", "t7"],
  ["szkół wiejskich", "t7"],
  ["szkolach wiejskich", "t7"],
  ["małe szkoły na wsi", "t7"],
  // Karta Nauczyciela: the t/c alternation (Karta, Karcie)
  ["Karta Nauczyciela", "t8"],
  ["Karty Nauczyciela", "t8"],
  ["Karcie Nauczyciela", "t8"],
  ["Kartę Nauczyciela", "t8"],
  ["karcie nauczyciela", "t8"],
  ["karta nauczycieli", "t8"],
  ["pensum", "t8"],
  ["dodatek motywacyjny", "t8"],
  // rada: the d/dz alternation (Rada, Radzie), two different councils
  ["rada miejska", "t9"],
  ["rady miejskiej", "t9"],
  ["radzie miejskiej", "t9"],
  ["radę miejską", "t9"],
  ["sprawozdanie z realizacji zadań", "t9"],
  ["rada rodziców", "t12"],
  ["radzie rodziców", "t12"],
  ["rady rodzicow", "t12"],
  ["radę rodziców", "t12"],
  ["fundusz rady rodziców", "t12"],
  // dowóz: cases, no diacritics, typos, a word no item has
  ["dowóz", "t1"],
  ["dowozu", "t1"],
  ["dowozem", "t1"],
  ["dowozie", "t1"],
  ["dowozy uczniów", "t1"],
  ["dowozów", "t1"],
  ["dowoz", "t1"],
  ["dowuz", "t1"],
  ["dowuz uczniow", "t1"],
  ["dowozu dzieci niepełnosprawnych", "t1p2"],
  ["dowóz uczniów zimą", "t1"],
  ["przetarg na dowóz", "t1p1"],
  ["autobus szkolny", "t1"],
  ["szkoła podstawowa", "t1"],
  ["szkol", "t1"],
  // dyrektor
  ["dyrektor szkoły", "t4"],
  ["dyrektorów", "t4"],
  ["dyrektorow szkol", "t4"],
  ["dyrektorom", "t4"],
  ["dyrektorami", "t4"],
  ["szkolenia dyrektorów", "t4"],
  ["dyrekotr", "t4"],
  ["przywództwo edukacyjne", "t4"],
  // subwencja oświatowa
  ["subwencji oświatowej", "t2"],
  ["subwencja oswiatowa", "t2"],
  ["subwencją oświatową", "t2"],
  ["subwencje oświatowe", "t2"],
  ["subwencia", "t2"],
  ["płac nauczycieli", "t2"],
  ["płace nauczycieli subwencja", "t2"],
  ["szkołach na wsi", "t2p1"],
  ["wynagrodzenia nauczycieli", "a1"],
  // przedszkole, jakość, ewaluacja
  ["jakość edukacji", "t3"],
  ["jakosci przedszkoli", "t3"],
  ["przedszkolach", "t3"],
  ["przedszkola jakość", "t3"],
  ["przedszkolami", "t3"],
  ["przedszkle", "t3"],
  ["ewaluacja zewnętrzna", "t3"],
  ["ewaluacji zewnętrznej", "t3"],
  ["ewaluajca", "t3"],
  // kompetencje cyfrowe and digital tools
  ["kompetencje cyfrowe", "t5"],
  ["kompetencji cyfrowych", "t5"],
  ["kompetencjami cyfrowymi", "t5"],
  ["kompetecje cyfrowe", "t5"],
  ["drukarka 3D", "t5"],
  ["laboratoria przyszlosci", "t5"],
  ["laboratoriów przyszłości", "t5"],
  ["zasobami cyfrowymi", "p6"],
  ["zasoby cyfrowe", "p6"],
  ["narzędzia cyfrowe", "p6"],
  ["narzędzi cyfrowych dla nauczycieli", "p6"],
  ["platformy edukacyjne", "p6"],
  // the network, practices and analyses
  ["lokalne koalicje", "n1"],
  ["organizacje pozarządowe", "n1"],
  ["organizacjami pozarzadowymi", "n1"],
  ["procedury kryzysowe", "n2"],
  ["cyberprzemoc", "n2"],
  ["cyberprzemocy", "n2"],
  ["diagnoza potrzeb uczniów", "p1"],
  ["diagnozie potrzeb", "p1"],
  ["doradcy metodyczni", "p1"],
  ["doradców metodycznych", "p1"],
  ["budżet partycypacyjny", "p2"],
  ["budzetu powiatu", "p2"],
  ["budżetem partycypacyjnym młodzieży", "p2"],
  ["plan poprawy jakości", "p5"],
  ["egzaminy i frekwencja", "p5"],
  ["frekwencji i wyników egzaminów", "p5"],
  ["kompetencje obywatelskie", "a2"],
  ["kompetencjach kluczowych", "a2"],
  ["przedsiębiorczość", "a2"],
  ["przedsiebiorczosci", "a2"],
  ["spółdzielnie uczniowskie", "a2"],
  ["demografia", "a4"],
  ["prognoza liczby uczniów", "a4"],
  ["strefach podmiejskich", "a4"],
  ["powiatach ziemskich", "a4"],
  // people
  ["Kowalska", "person:anna"],
  ["Kowalskiej", "person:anna"],
  ["Anna Kowalska", "person:anna"],
  ["Zofia Łukaszewicz", "person:zofia"],
  ["lukaszewicz", "person:zofia"],
  ["Łukaszewicz", "person:zofia"],
  ["dyrektor centrum usług wspólnych", "person:zofia"],
  ["Wiśniewski", "person:bartek"],
  ["bartlomiej wisniewski", "person:bartek"],
  ["Katarzyna Nowak", "person:moderator"],
  ["Ewa Zielińska", "person:expert"],
  ["Zielińskiej", "person:expert"],
  ["Krzysztof Dąbrowski", "person:krzysztof"],
  ["dabrowski", "person:krzysztof"],
  ["Dąbrowskiego", "person:krzysztof"],
  ["inspektor do spraw oświaty", "person:krzysztof"],
  // local governments (JST) and places
  ["Wieliczka", "person:anna"],
  ["Wieliczce", "person:anna"],
  ["gmina Wieliczka", "person:anna"],
  ["Nowy Sącz", "person:krzysztof"],
  ["Nowym Sączu", "person:krzysztof"],
  ["nowego sacza", "person:krzysztof"],
  ["powiat tatrzański", "person:zofia"],
  ["powiatu tatrzańskiego", "person:zofia"],
  ["Nowy Targ", "t10"],
  ["Nowym Targu", "t10"],
  ["nowego targu przedszkola", "t10"],
  ["Zakopane", "t11"],
  ["Zakopanem", "t11"],
  ["zajęcia narciarskie", "t11"],
  ["kluby sportowe", "t11"],
  // tags
  ["diagnoza oświaty lokalnej", "tag:diagnoza-oswiaty-lokalnej"],
  ["finansowanie i budzet", "tag:finansowanie-i-budzet"],
];

/** The share of queries whose item is in the top 5 that the test requires. */
export const RELEVANCE_TARGET = 0.95;
/** How deep the reciprocal rank looks: the first page. */
const RANK_DEPTH = 20;

export interface RelevanceReport {
  queries: number;
  /** Share of queries with their item in the first five hits. */
  hitsAt5: number;
  /** Mean of 1/rank of the expected item (0 when not on the first page). */
  meanReciprocalRank: number;
  /** Each query with the 1-based rank of its item, null when not on the first page. */
  ranks: { query: string; key: string; rank: number | null }[];
}

/** Runs the set through `run` (a search as the person the set is written for) and scores it. */
export async function measureRelevance(
  corpus: SearchCorpus,
  run: (query: string) => Promise<SearchResults>,
): Promise<RelevanceReport> {
  const ranks: RelevanceReport["ranks"] = [];
  for (const [query, key] of RELEVANCE_SET) {
    const item = corpus.items.get(key);
    if (!item) throw new Error(`The relevance set names "${key}", which the corpus does not have.`);
    const hits = (await run(query)).hits.slice(0, RANK_DEPTH);
    const index = hits.findIndex((hit) => hit.id === item.id && hit.kind === item.kind);
    ranks.push({ query, key, rank: index >= 0 ? index + 1 : null });
  }
  return {
    queries: ranks.length,
    hitsAt5: ranks.filter(({ rank }) => rank !== null && rank <= 5).length / ranks.length,
    meanReciprocalRank: ranks.reduce((sum, { rank }) => sum + (rank ? 1 / rank : 0), 0) / ranks.length,
    ranks,
  };
}
