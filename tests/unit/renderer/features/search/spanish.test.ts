import { describe, expect, it } from 'vitest';
import {
  bestBlock,
  fold,
  processQueryTerm,
  processTerm,
  singular,
  snippet,
  STOP_WORDS,
  tokenize,
} from '../../../../../renderer/features/search/spanish';

describe('Spanish normaliser and tokeniser', () => {
  it('folds accents, ñ, diaeresis and case', () => {
    expect(fold('Energía')).toBe('energia');
    expect(fold('AÑO')).toBe('ano');
    expect(fold('Pingüino')).toBe('pinguino');
    expect(fold('INNOVACIÓN')).toBe('innovacion');
    // Composed and decomposed forms of the same word meet.
    expect(fold('Perú'.normalize('NFD'))).toBe(fold('Perú'.normalize('NFC')));
  });

  it('splits words on spaces and punctuation and keeps letters with accents and digits', () => {
    expect(tokenize('¿Relaves, agua y energía? Sí: 2026-11 «drones»')).toEqual([
      'Relaves',
      'agua',
      'y',
      'energía',
      'Sí',
      '2026',
      '11',
      'drones',
    ]);
    expect(tokenize('señal…niño')).toEqual(['señal', 'niño']);
  });

  it('drops stop words, with or without their accents', () => {
    expect(processTerm('de')).toBeNull();
    expect(processTerm('La')).toBeNull();
    expect(processTerm('también')).toBeNull();
    expect(processTerm('MÁS')).toBeNull();
    expect(processTerm('agua')).toBe('agua');
    for (const word of STOP_WORDS) expect(fold(word)).toBe(word);
  });

  it('indexes a plural beside its singular', () => {
    expect(processTerm('Relaves')).toEqual(['relaves', 'relave']);
    expect(processTerm('minerales')).toEqual(['minerales', 'mineral']);
    expect(processTerm('relave')).toBe('relave');
    expect(singular('gas')).toBe('gas');
  });

  it('reads a query word as its singular alone (the index holds both forms)', () => {
    expect(processQueryTerm('Relaves')).toBe('relave');
    expect(processQueryTerm('energía')).toBe('energia');
    expect(processQueryTerm('las')).toBeNull();
  });

  it('picks the same block from pre-folded text as from the raw blocks', () => {
    const blocks = ['Introducción', 'Consumo de ENERGÍA', 'Reúso de agua y energía'];
    const folded = blocks.map(fold);
    expect(bestBlock(blocks, ['reuso', 'energia'], folded)).toBe(2);
    expect(bestBlock(blocks, ['energia'], folded)).toBe(1);
    // A word that only contains the term (not at its start) is no match.
    expect(bestBlock(['la sinergia', 'energías'], ['energia'])).toBe(1);
  });

  it('cuts a snippet around the first match and marks the matching words', () => {
    const text = `${'Introducción general del documento. '.repeat(8)}El reúso de agua en los relaves reduce la energía.`;
    const parts = snippet(text, ['reuso', 'energia']);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.filter((part) => part.hit).map((part) => part.text)).toEqual(['reúso', 'energía']);
    expect(parts.map((part) => part.text).join('')).toContain('El reúso de agua');
  });

  it('picks the block that matches most of the query', () => {
    const blocks = [
      'Lecciones de misiones anteriores',
      'Agua',
      'Sumar la última misión a Australia.',
    ];
    expect(bestBlock(blocks, ['mision', 'australia'])).toBe(2);
    expect(bestBlock(blocks, ['mision'])).toBe(0);
    expect(bestBlock(blocks, ['drones'])).toBe(0);
  });

  it('starts the snippet at the beginning when nothing matches', () => {
    const parts = snippet('Plan de trabajo', ['drones']);
    expect(parts).toEqual([{ text: 'Plan de trabajo', hit: false }]);
  });
});
