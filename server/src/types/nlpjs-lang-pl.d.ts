/** @nlpjs/lang-pl ships no types; this is the one class the search uses. */
declare module "@nlpjs/lang-pl" {
  export class StemmerPl {
    stem(tokens: string[]): string[];
  }
}
