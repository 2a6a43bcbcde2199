/**
 * The starting taxonomy the network tags threads and practices with: the eight key competences
 * of the 2018 EU Council Recommendation, the areas of managing local education the GWD work on,
 * the JST type and the education stage. Moderators manage it from here on.
 */
export interface TaxonomyGroup {
  slug: string;
  name: string;
  description: string;
  tags: { slug: string; name: string }[];
}

export const TAXONOMY: TaxonomyGroup[] = [
  {
    slug: "kompetencje-kluczowe",
    name: "Kompetencje kluczowe",
    description: "Osiem kompetencji kluczowych z Zalecenia Rady UE z 22 maja 2018 r.",
    tags: [
      { slug: "rozumienie-i-tworzenie-informacji", name: "Rozumienie i tworzenie informacji" },
      { slug: "wielojezycznosc", name: "Wielojęzyczność" },
      { slug: "matematyka-nauki-przyrodnicze", name: "Matematyka, nauki przyrodnicze, technologia i inżynieria" },
      { slug: "kompetencje-cyfrowe", name: "Kompetencje cyfrowe" },
      { slug: "osobiste-spoleczne-uczenie-sie", name: "Kompetencje osobiste, społeczne i uczenie się" },
      { slug: "kompetencje-obywatelskie", name: "Kompetencje obywatelskie" },
      { slug: "przedsiebiorczosc", name: "Przedsiębiorczość" },
      { slug: "swiadomosc-i-ekspresja-kulturalna", name: "Świadomość i ekspresja kulturalna" },
    ],
  },
  {
    slug: "obszary-zarzadzania",
    name: "Obszary zarządzania oświatą",
    description: "Czym zajmuje się samorząd prowadzący szkoły.",
    tags: [
      { slug: "diagnoza-lokalnej-oswiaty", name: "Diagnoza lokalnej oświaty" },
      { slug: "monitorowanie-jakosci", name: "Monitorowanie jakości" },
      { slug: "finansowanie-i-budzet", name: "Finansowanie i budżet" },
      { slug: "system-wsparcia-szkol", name: "System wsparcia szkół" },
      { slug: "rozwoj-zawodowy-nauczycieli", name: "Rozwój zawodowy nauczycieli" },
      { slug: "wspolpraca-z-dyrektorami", name: "Współpraca z dyrektorami szkół" },
      { slug: "lokalne-koalicje", name: "Lokalne koalicje" },
      { slug: "lokalny-plan-jakosci", name: "Lokalny plan podnoszenia jakości" },
    ],
  },
  {
    slug: "typ-jst",
    name: "Typ JST",
    description: "Rodzaj samorządu, którego dotyczy doświadczenie.",
    tags: [
      { slug: "gmina-wiejska", name: "Gmina wiejska" },
      { slug: "gmina-miejsko-wiejska", name: "Gmina miejsko-wiejska" },
      { slug: "gmina-miejska", name: "Gmina miejska" },
      { slug: "miasto-na-prawach-powiatu", name: "Miasto na prawach powiatu" },
      { slug: "powiat", name: "Powiat" },
    ],
  },
  {
    slug: "etap-edukacyjny",
    name: "Etap edukacyjny",
    description: "Kogo dotyczy: od przedszkola po szkoły ponadpodstawowe.",
    tags: [
      { slug: "wychowanie-przedszkolne", name: "Wychowanie przedszkolne" },
      { slug: "klasy-1-3", name: "Szkoła podstawowa, klasy 1–3" },
      { slug: "klasy-4-8", name: "Szkoła podstawowa, klasy 4–8" },
      { slug: "szkoly-ponadpodstawowe", name: "Szkoły ponadpodstawowe" },
      { slug: "ksztalcenie-zawodowe", name: "Kształcenie zawodowe" },
    ],
  },
];
