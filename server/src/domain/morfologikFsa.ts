/**
 * A reader for Morfologik's dictionary format, so that the Polish lemma dictionary is used as its authors ship it:
 * one finite-state automaton (`polish.dict`, 2.8 MB) that holds every inflected form of about 300,000 lemmas with the
 * way back to its lemma. It is a port of the two classes of morfologik-stemming 2.1.9 (BSD) that read it:
 * `morfologik.fsa.CFSA2` (the automaton's arcs) and `morfologik.stemming.TrimPrefixAndSuffixEncoder` (the lemma's
 * encoding), checked against the Java library's own dump of every form (see README, "Search").
 *
 * A path through the automaton spells `<form>;<lemma code>;<tags>` in UTF-8. The lemma code is two bytes, 'A' + how
 * many bytes to cut from the start of the form and 'A' + how many from its end, then the bytes to append. The
 * automaton is read in place from the file's bytes: nothing is expanded, so it costs its size in memory.
 *
 * On top of the exact lookup this reader walks several spellings at once: a lower-case query letter also follows
 * the arcs of its capital (names, acronyms), and in folded mode a letter without diacritics also follows its Polish
 * variants ("oswiacie" finds "oświacie"), which is what people who type without diacritics mean.
 */

const FSA_MAGIC = [0x5c, 0x66, 0x73, 0x61]; // "\fsa"
const CFSA2_VERSION = 0xc6;
const FLAG_NUMBERS = 1 << 8;
const BIT_TARGET_NEXT = 1 << 7;
const BIT_LAST_ARC = 1 << 6;
const BIT_FINAL_ARC = 1 << 5;
const LABEL_INDEX_MASK = (1 << 5) - 1;
/** `fsa.dict.separator` of polish.info: between the form, the lemma code and the tags. */
const SEPARATOR = 0x3b; // ";"
/** The lemma code's first two bytes are counts and can never be read as a separator. */
const CODE_HEADER = 2;
const REMOVE_EVERYTHING = 255;

/** Polish letters with diacritics, by the letter they fold to. */
const POLISH_VARIANTS: Record<string, string[]> = {
  a: ["ą"],
  c: ["ć"],
  e: ["ę"],
  l: ["ł"],
  n: ["ń"],
  o: ["ó"],
  s: ["ś"],
  z: ["ź", "ż"],
};
const FOLDED: Record<string, string> = Object.fromEntries(
  Object.entries(POLISH_VARIANTS).flatMap(([plain, variants]) => variants.map((variant) => [variant, plain])),
);

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** One form the dictionary knows, as it spells it (case and diacritics), with its lemmas. */
export interface DictionaryEntry {
  form: string;
  lemmas: string[];
}

export class MorfologikFsa {
  private readonly arcs: Uint8Array;
  private readonly labels: Uint8Array;
  private readonly root: number;
  /** The UTF-8 spellings a query character may stand for, per character and mode. */
  private readonly spellings = new Map<string, Uint8Array[]>();

  constructor(file: Uint8Array) {
    if (FSA_MAGIC.some((byte, index) => file[index] !== byte)) throw new Error("Not a Morfologik automaton.");
    if (file[4] !== CFSA2_VERSION) throw new Error(`Unsupported automaton version 0x${file[4]?.toString(16)}.`);
    const flags = (file[5]! << 8) | file[6]!;
    if (flags & FLAG_NUMBERS) throw new Error("Automata with right-language counts are not supported.");
    const labelCount = file[7]!;
    this.labels = file.subarray(8, 8 + labelCount);
    this.arcs = file.subarray(8 + labelCount);
    // Node 0 is a dummy whose one arc leads to the root.
    this.root = this.destination(0);
  }

  /** Forms spelled like `word` up to letter case ("kowalska" finds "Kowalska"). */
  lookup(word: string): DictionaryEntry[] {
    return this.find([...word.toLowerCase()].map((character) => this.spellingsOf(character, false)));
  }

  /** Forms that fold to the same letters as `word` ("oswiacie" finds "oświacie"; "szkole" finds "szkole", "szkołę"). */
  lookupFolded(word: string): DictionaryEntry[] {
    return this.find([...word.toLowerCase()].map((character) => this.spellingsOf(character, true)));
  }

  private spellingsOf(character: string, folded: boolean): Uint8Array[] {
    const key = `${folded ? "f" : "e"}${character}`;
    let spellings = this.spellings.get(key);
    if (!spellings) {
      const base = folded ? (FOLDED[character] ?? character) : character;
      const letters = folded ? [base, ...(POLISH_VARIANTS[base] ?? [])] : [base];
      const cased = new Set(letters.flatMap((letter) => [letter, letter.toUpperCase()]));
      spellings = [...cased].map((letter) => utf8.encode(letter));
      this.spellings.set(key, spellings);
    }
    return spellings;
  }

  private find(characters: Uint8Array[][]): DictionaryEntry[] {
    const found: DictionaryEntry[] = [];
    const form: number[] = [];
    const walk = (node: number, position: number): void => {
      if (position === characters.length) {
        const separator = this.arcWithLabel(node, SEPARATOR);
        if (separator === -1 || this.isFinal(separator)) return;
        const target = this.destination(separator);
        if (target === 0) return;
        const lemmas = new Set<string>();
        for (const code of this.lemmaCodes(target)) lemmas.add(decodeLemma(form, code));
        if (lemmas.size > 0) found.push({ form: utf8Decoder.decode(Uint8Array.from(form)), lemmas: [...lemmas] });
        return;
      }
      for (const spelling of characters[position]!) {
        let current = node;
        for (const byte of spelling) {
          const arc = this.arcWithLabel(current, byte);
          current = arc === -1 ? 0 : this.destination(arc);
          if (current === 0) break;
        }
        if (current === 0) continue;
        form.push(...spelling);
        walk(current, position + 1);
        form.length -= spelling.length;
      }
    };
    walk(this.root, 0);
    return found;
  }

  /** Every lemma code that follows a form's separator (one per lemma; the tags after them are not read). */
  private lemmaCodes(node: number): number[][] {
    const codes: number[][] = [];
    const path: number[] = [];
    const collect = (from: number): void => {
      for (let arc = from; arc !== -1; arc = this.nextArc(arc)) {
        const label = this.label(arc);
        if (path.length >= CODE_HEADER && label === SEPARATOR) {
          codes.push([...path]);
          continue;
        }
        if (this.isFinal(arc)) codes.push([...path, label]);
        const target = this.destination(arc);
        if (target === 0) continue;
        path.push(label);
        collect(target);
        path.pop();
      }
    };
    collect(node);
    return codes;
  }

  // ---- CFSA2 arcs (morfologik.fsa.CFSA2) ----

  private arcWithLabel(node: number, label: number): number {
    for (let arc = node; arc !== -1; arc = this.nextArc(arc)) if (this.label(arc) === label) return arc;
    return -1;
  }

  private label(arc: number): number {
    const index = this.arcs[arc]! & LABEL_INDEX_MASK;
    return index > 0 ? this.labels[index]! : this.arcs[arc + 1]!;
  }

  private isFinal(arc: number): boolean {
    return (this.arcs[arc]! & BIT_FINAL_ARC) !== 0;
  }

  private isLast(arc: number): boolean {
    return (this.arcs[arc]! & BIT_LAST_ARC) !== 0;
  }

  /** The next arc of the same node, or -1 after its last (offset 0 is a real arc here, the dummy's). */
  private nextArc(arc: number): number {
    return this.isLast(arc) ? -1 : this.skipArc(arc);
  }

  /** The node an arc leads to; 0 for an arc that ends a sequence. */
  private destination(arc: number): number {
    const flags = this.arcs[arc]!;
    if (flags & BIT_TARGET_NEXT) {
      // The target is the node stored right after this node's last arc.
      let last = arc;
      while (!this.isLast(last)) last = this.skipArc(last);
      return this.skipArc(last);
    }
    return this.readVInt(arc + ((flags & LABEL_INDEX_MASK) === 0 ? 2 : 1));
  }

  private skipArc(offset: number): number {
    const flags = this.arcs[offset++]!;
    if ((flags & LABEL_INDEX_MASK) === 0) offset++;
    if ((flags & BIT_TARGET_NEXT) === 0) while (this.arcs[offset++]! & 0x80);
    return offset;
  }

  private readVInt(offset: number): number {
    let byte = this.arcs[offset]!;
    let value = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = this.arcs[++offset]!;
      value |= (byte & 0x7f) << shift;
    }
    return value;
  }
}

/** morfologik.stemming.TrimPrefixAndSuffixEncoder#decode, on the form's UTF-8 bytes. */
function decodeLemma(form: number[], code: number[]): string {
  let cutStart = (code[0]! - 0x41) & 0xff;
  let cutEnd = (code[1]! - 0x41) & 0xff;
  if (cutStart === REMOVE_EVERYTHING || cutEnd === REMOVE_EVERYTHING) {
    cutStart = form.length;
    cutEnd = 0;
  }
  const kept = form.slice(cutStart, Math.max(cutStart, form.length - cutEnd));
  return utf8Decoder.decode(Uint8Array.from([...kept, ...code.slice(CODE_HEADER)]));
}
