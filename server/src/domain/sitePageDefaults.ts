import type { SitePageSlug } from "@forum/shared";

/** The text a page starts with; fields in [square brackets] are for the administrator to fill in. */
export interface SitePageDefault {
  title: string;
  markdown: string;
}

const privacy = (ipRetentionDays: number): SitePageDefault => ({
  title: "Polityka prywatności",
  markdown: `Ta informacja wypełnia obowiązek z art. 13 i 14 RODO (rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679). Opisuje, jakie dane osobowe przetwarzamy na Forum Współpracy JST, w jakim celu i jakie prawa Ci przysługują.

## Administrator danych

Administratorem danych jest **Związek Miast Polskich** [pełna nazwa i forma prawna], [ulica i numer], [kod pocztowy i miejscowość], e-mail: [adres e-mail administratora], tel. [numer telefonu].

## Inspektor ochrony danych

Z inspektorem ochrony danych (IOD) skontaktujesz się pod adresem e-mail [adres e-mail IOD] lub pisemnie na adres administratora z dopiskiem „Inspektor ochrony danych”.

## Jakie dane przetwarzamy

- dane konta: imię i nazwisko, adres e-mail, stanowisko, jednostka samorządu terytorialnego (JST), zdjęcie profilowe, jeśli je dodasz;
- treści, które publikujesz: wątki, wpisy, reakcje, dobre praktyki, analizy, pytania i głosy na spotkaniach;
- dane techniczne: adres IP i rodzaj przeglądarki zapisywane przy logowaniu i w dzienniku zdarzeń, pliki cookie niezbędne do utrzymania sesji;
- Twoje zgody i ustawienia powiadomień (np. newsletter, podsumowania e-mail).

## Cele i podstawy prawne

| Cel | Podstawa prawna |
| --- | --- |
| prowadzenie konta i udział w Grupach Wymiany Doświadczeń (GWD) i Sieci Współpracy Samorządowych Liderów Oświaty | art. 6 ust. 1 lit. e RODO – zadanie realizowane w interesie publicznym (współpraca JST w sprawach oświaty) |
| newsletter i podsumowania e-mail | art. 6 ust. 1 lit. a RODO – Twoja zgoda, którą możesz w każdej chwili wycofać |
| bezpieczeństwo forum, dziennik zdarzeń, obsługa zgłoszeń naruszeń | art. 6 ust. 1 lit. e RODO oraz art. 6 ust. 1 lit. c RODO – obowiązki prawne administratora (m.in. art. 32 RODO) |
| rozliczanie projektu i sprawozdawczość wobec instytucji finansującej | art. 6 ust. 1 lit. c RODO – obowiązek prawny |

## Odbiorcy danych

Twoje dane mogą otrzymać: dostawca hostingu i poczty e-mail działający na nasze zlecenie (podmioty przetwarzające, na podstawie umowy powierzenia), instytucja finansująca projekt i organy kontrolne – w zakresie wymaganym przepisami. Treści publikowane w grupie widzą członkowie tej grupy, moderatorzy ZMP i eksperci; treści publiczne widzi każdy. Nie przekazujemy danych poza Europejski Obszar Gospodarczy.

## Jak długo przechowujemy dane

- dane konta – do czasu usunięcia konta, a po jego usunięciu tylko w zakresie wymaganym do rozliczenia projektu;
- adresy IP w dzienniku zdarzeń, sesjach i zapisach zgód – przez **${ipRetentionDays} dni**, po czym są automatycznie usuwane;
- dane objęte zgodą – do jej wycofania;
- kopie zapasowe – zgodnie z harmonogramem kopii [okres przechowywania kopii], po czym są nadpisywane.

## Twoje prawa

Masz prawo do:

- dostępu do swoich danych i otrzymania ich kopii (art. 15 RODO) – pobierzesz ją w [swoim profilu](/profil);
- sprostowania danych (art. 16 RODO) – zmienisz je w [swoim profilu](/profil);
- usunięcia danych (art. 17 RODO) – wniosek złożysz w [swoim profilu](/profil);
- ograniczenia przetwarzania (art. 18 RODO);
- przenoszenia danych (art. 20 RODO) – kopia danych ma format do odczytu maszynowego;
- sprzeciwu wobec przetwarzania opartego na art. 6 ust. 1 lit. e RODO (art. 21 RODO);
- wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania przed jej wycofaniem – w [swoim profilu](/profil).

W sprawach ograniczenia przetwarzania i sprzeciwu napisz do administratora lub IOD.

## Skarga do organu nadzorczego

Jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem, możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa ([uodo.gov.pl](https://uodo.gov.pl)).

## Czy musisz podać dane

Podanie danych konta jest dobrowolne, ale bez nich nie założysz konta na forum. Nie podejmujemy decyzji w sposób zautomatyzowany i nie profilujemy Cię.`,
});

const accessibility: SitePageDefault = {
  title: "Deklaracja dostępności",
  markdown: `**Związek Miast Polskich** zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy serwisu **Forum Współpracy JST**.

- Data publikacji strony internetowej: [RRRR-MM-DD].
- Data ostatniej istotnej aktualizacji: [RRRR-MM-DD].

## Stan dostępności cyfrowej

Strona internetowa jest **zgodna** z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych (standard WCAG 2.1 na poziomie AA). Każdy ekran forum jest sprawdzany automatycznie narzędziem axe przy każdej zmianie oprogramowania.

Treści dodawane przez użytkowników (np. załączone dokumenty PDF lub obrazy bez opisu) mogą nie spełniać wszystkich wymagań. Jeśli trafisz na taki materiał, zgłoś go – poprosimy autora o wersję dostępną.

## Przygotowanie deklaracji dostępności

- Deklarację sporządzono dnia: [RRRR-MM-DD].
- Deklarację ostatnio poddano przeglądowi i aktualizacji dnia: [RRRR-MM-DD].
- Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.

## Skróty klawiaturowe

Forum obsłużysz w całości klawiaturą: klawisz Tab przenosi do kolejnego elementu, Shift+Tab do poprzedniego, Enter uruchamia link lub przycisk, Esc zamyka okno dialogowe. Na początku każdej strony jest link „Przejdź do treści”. Forum nie definiuje własnych skrótów, które mogłyby kolidować ze skrótami czytników ekranu.

## Informacje zwrotne i dane kontaktowe

W przypadku problemów z dostępnością strony internetowej prosimy o kontakt. Osobą kontaktową (koordynatorem do spraw dostępności) jest [imię i nazwisko], e-mail: [adres e-mail], tel. [numer telefonu]. Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz składać skargi na brak zapewnienia dostępności.

## Procedura wnioskowo-skargowa

Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jakiegoś jej elementu. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu, opisanie zawartości filmu bez audiodeskrypcji itp. Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub element strony chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu dostępu, powinna także określić dogodny dla niej sposób przedstawienia tej informacji.

Podmiot publiczny powinien zrealizować żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot publiczny może zaproponować alternatywny sposób dostępu do informacji.

W przypadku, gdy podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, wnoszący żądanie może złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony internetowej lub elementu strony internetowej. Po wyczerpaniu tej procedury można także złożyć wniosek do [Rzecznika Praw Obywatelskich](https://bip.brpo.gov.pl/).

## Dostępność architektoniczna

[Adres siedziby Związku Miast Polskich.] [Opis dostępności wejścia do budynku i przechodzenia przez obszary kontroli.] [Opis dostosowań korytarzy, schodów i wind.] [Informacje o miejscach parkingowych dla osób niepełnosprawnych.] [Informacja o prawie wstępu z psem asystującym.] [Informacje o możliwości skorzystania z tłumacza języka migowego na miejscu lub online.]`,
};

export function sitePageDefault(slug: SitePageSlug, ipRetentionDays: number): SitePageDefault {
  return slug === "privacy" ? privacy(ipRetentionDays) : accessibility;
}
