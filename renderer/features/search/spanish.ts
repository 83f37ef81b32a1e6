/**
 * How Minka's search reads Spanish: accents, ñ and case fold away ("energia" finds "energía",
 * "Relaves" and "relave" meet), the commonest function words are not indexed, and a plural
 * is indexed beside its singular so "relaves" finds "relave" and the other way round. The same
 * functions process documents and queries, so both sides always agree.
 */

/** Folded forms (see {@link fold}) of Spanish words too common to help find anything. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante ' +
    'e el ella ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue ' +
    'ha han hasta hay la las le les lo los mas me mi mucho muy nada ni no nos o otra otras otro ' +
    'otros para pero poco por porque que quien quienes se sea ser si sin sobre son su sus tambien ' +
    'tanto te todo todos tu un una unas uno unos y ya yo ' +
    'the of and to in is are for on with'
  ).split(' '),
);

/** Lower case without diacritics: "Energía" → "energia", "Año" → "ano", "PINGÜINO" → "pinguino". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Words of a text as written (letters and digits; punctuation and spaces separate them). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The singular a plural most likely comes from: "relaves" → "relave", "minerales" → "mineral". */
export function singular(term: string): string {
  if (term.length > 5 && /[lrndzj]es$/.test(term)) return term.slice(0, -2);
  if (term.length > 4 && term.endsWith('s') && !term.endsWith('ss')) return term.slice(0, -1);
  return term;
}

/**
 * One word as the index stores it: folded, null for a stop word, and with its singular beside it
 * when it looks plural.
 */
export function processTerm(word: string): string | string[] | null {
  const term = fold(word);
  if (term.length === 0 || STOP_WORDS.has(term)) return null;
  const stem = singular(term);
  return stem === term ? term : [term, stem];
}

/**
 * One word of a query: folded, null for a stop word, and reduced to its singular. The index
 * holds the singular of every plural beside it, so the singular alone finds both forms, and a
 * query does half the work it would with both.
 */
export function processQueryTerm(word: string): string | null {
  const term = fold(word);
  if (term.length === 0 || STOP_WORDS.has(term)) return null;
  return singular(term);
}

/** Tells whether a written word is one a search for `terms` (index terms) matched. */
export function wordMatcher(terms: readonly string[]): (word: string) => boolean {
  const folded = terms.map(fold).filter((term) => term.length > 0);
  return (word) => {
    const term = fold(word);
    return !STOP_WORDS.has(term) && folded.some((t) => term.startsWith(t) || singular(term) === t);
  };
}

/**
 * The block that matches most of the query's `terms` (the first such on a tie), or 0: where a
 * result's snippet comes from and where opening it scrolls to.
 */
export function bestBlock(
  blocks: readonly string[],
  terms: readonly string[],
  foldedBlocks?: readonly string[],
): number {
  const folded = terms.map(fold).filter((term) => term.length > 0);
  const matchers = folded.map((term) => wordMatcher([term]));
  let best = 0;
  let bestScore = 0;
  blocks.forEach((block, index) => {
    // A word matches a term only if it starts with it (or is its plural), so a block whose folded
    // text does not contain the term cannot match: most blocks are passed over without splitting
    // them into words.
    const haystack = foldedBlocks?.[index] ?? fold(block);
    const present = matchers.filter((_, i) => haystack.includes(folded[i]!));
    if (present.length <= bestScore) return;
    const words = block.match(WORD) ?? [];
    const score = present.filter((matches) => words.some(matches)).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * A short piece of `text` around the first word that matches one of `terms` (folded index
 * terms; a word matches when it starts with one, as prefix search does), split into parts so the
 * matching words can be highlighted. Falls back to the start of the text.
 */
export function snippet(text: string, terms: readonly string[], width = 160): SnippetPart[] {
  const matches = wordMatcher(terms);
  const words = [...text.matchAll(WORD)].filter((m) => matches(m[0]));
  const first = words[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > first ? start : space + 1;
  }
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', hit: false });
  let cursor = start;
  for (const word of words) {
    const at = word.index ?? 0;
    if (at < start) continue;
    if (at + word[0].length > end) break;
    if (at > cursor) parts.push({ text: text.slice(cursor, at), hit: false });
    parts.push({ text: word[0], hit: true });
    cursor = at + word[0].length;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}
