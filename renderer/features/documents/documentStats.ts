/**
 * The outline (headings) and the word and character count of a document, worked out per
 * top-level block and remembered per block node: ProseMirror keeps the node of every block a
 * change did not touch, so after a keystroke only the edited block is read again, and the
 * totals are a sum over blocks, not a pass over the text of a 2 MB document.
 */
import type { Node as PMNode } from '@tiptap/pm/model';

export interface Heading {
  level: number;
  text: string;
  /** The heading's position in the document (where clicking it moves the caret). */
  pos: number;
}

export interface DocumentStats {
  headings: Heading[];
  words: number;
  characters: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

interface BlockStats {
  words: number;
  characters: number;
}

const blockCache = new WeakMap<PMNode, BlockStats>();

/** Words and characters of one block, as the whole document's text would count them. */
function statsOf(block: PMNode): BlockStats {
  const cached = blockCache.get(block);
  if (cached !== undefined) return cached;
  // Blocks are joined by line breaks and leaves read as a space, as `doc.textBetween` does.
  const text = block.isLeaf ? ' ' : block.textBetween(0, block.content.size, '\n', ' ');
  const stats = {
    words: text.match(WORD)?.length ?? 0,
    characters: text.length - (text.match(/\n/g)?.length ?? 0),
  };
  blockCache.set(block, stats);
  return stats;
}

export function documentStats(doc: PMNode): DocumentStats {
  const headings: Heading[] = [];
  let words = 0;
  let characters = 0;
  doc.forEach((block, offset) => {
    if (block.type.name === 'heading') {
      const text = block.textContent;
      if (text.trim() !== '')
        headings.push({ level: Number(block.attrs['level']), text, pos: offset });
    }
    const stats = statsOf(block);
    words += stats.words;
    characters += stats.characters;
  });
  return { headings, words, characters };
}

export function sameStats(a: DocumentStats, b: DocumentStats): boolean {
  return (
    a.words === b.words &&
    a.characters === b.characters &&
    a.headings.length === b.headings.length &&
    a.headings.every(
      (h, i) =>
        h.level === b.headings[i]!.level &&
        h.text === b.headings[i]!.text &&
        h.pos === b.headings[i]!.pos,
    )
  );
}
