/**
 * @mentions in comments: who can be mentioned (the group's members, kept for offline use), how
 * a query matches them (accent- and case-insensitive: "@maria" finds "María"), and how the text
 * of a comment becomes parts carrying the user ids of the people it mentions.
 */
import type { CommentPart } from '../../../shared/ydoc/threadsDoc';

export interface MentionCandidate {
  id: string;
  name: string;
  organization: string;
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Members whose name (any word) or organization starts with the query; names first. */
export function matchMentions(
  query: string,
  candidates: readonly MentionCandidate[],
  limit = 6,
): MentionCandidate[] {
  const q = fold(query.trim());
  const scored = candidates.flatMap((candidate) => {
    const name = fold(candidate.name);
    if (q === '' || name.startsWith(q)) return [{ candidate, score: 0 }];
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return [{ candidate, score: 1 }];
    if (name.includes(q)) return [{ candidate, score: 2 }];
    if (fold(candidate.organization).includes(q)) return [{ candidate, score: 3 }];
    return [];
  });
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.name.localeCompare(b.candidate.name, 'es'))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** The `@query` being typed just before the caret, if any (names may hold one space). */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{M}.'-]*(?: [\p{L}\p{M}.'-]*)?)$/u.exec(before);
  if (match === null) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Splits a comment's text into parts, turning each `@Name` of a picked person into a mention. */
export function toParts(text: string, picked: readonly MentionCandidate[]): CommentPart[] {
  const labels = [...new Map(picked.map((p) => [p.name, p])).values()].sort(
    (a, b) => b.name.length - a.name.length,
  );
  const parts: CommentPart[] = [];
  let buffer = '';
  let i = 0;
  while (i < text.length) {
    const person = text[i] === '@' ? labels.find((p) => text.startsWith(p.name, i + 1)) : undefined;
    if (person === undefined) {
      buffer += text[i];
      i++;
      continue;
    }
    if (buffer !== '') parts.push({ type: 'text', text: buffer });
    buffer = '';
    parts.push({ type: 'mention', userId: person.id, label: person.name });
    i += person.name.length + 1;
  }
  if (buffer !== '') parts.push({ type: 'text', text: buffer });
  return parts;
}
