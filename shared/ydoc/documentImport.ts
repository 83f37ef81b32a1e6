/**
 * Imported content is converted into a scratch document first (the converters replace a body's
 * content) and its blocks are then appended to the real document as copies, in one transaction.
 */
import * as Y from 'yjs';
import { getDocumentBody } from './documentDoc';
import { Origin } from './origins';

/** A document that is never synced or stored: a place to build content before copying it. */
export function createScratchDocument(): Y.Doc {
  return new Y.Doc();
}

/** Appends copies of `source`'s body blocks at the end of `target`'s body. */
export function appendBodyOf(target: Y.Doc, source: Y.Doc, origin: Origin = Origin.local): void {
  const blocks = getDocumentBody(source)
    .toArray()
    .flatMap((node) =>
      node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : [],
    );
  target.transact(() => {
    const body = getDocumentBody(target);
    body.insert(body.length, blocks);
  }, origin);
}
