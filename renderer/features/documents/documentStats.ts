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
  /**
   * Which top-level block it is. Not its position: typing above a heading moves its position on
   * every keystroke, and the outline would be drawn again each time.
   */
  index: number;
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
  doc.forEach((block, _offset, index) => {
    if (block.type.name === 'heading') {
      const text = block.textContent;
      if (text.trim() !== '') headings.push({ level: Number(block.attrs['level']), text, index });
    }
    const stats = statsOf(block);
    words += stats.words;
    characters += stats.characters;
  });
  return { headings, words, characters };
}

export function sameHeadings(a: readonly Heading[], b: readonly Heading[]): boolean {
  return (
    a.length === b.length &&
    a.every((h, i) => h.level === b[i]!.level && h.text === b[i]!.text && h.index === b[i]!.index)
  );
}

/** Where the top-level block `index` starts in `doc` (null past the end). */
export function blockPosition(doc: PMNode, index: number): number | null {
  if (index >= doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}
