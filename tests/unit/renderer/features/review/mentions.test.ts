import { describe, expect, it } from 'vitest';
import { mentionedUserIds } from '../../../../../shared/ydoc/threadsDoc';
import {
  matchMentions,
  mentionQueryAt,
  toParts,
  type MentionCandidate,
} from '../../../../../renderer/features/review/mentions';

const members: MentionCandidate[] = [
  { id: 'u-maria', name: 'María Quispe', organization: 'Minera Andina del Sur' },
  { id: 'u-mario', name: 'Mario Ñahui', organization: 'UNSA' },
  { id: 'u-ana', name: 'Ana Quispe', organization: 'Minera Andina del Sur' },
  { id: 'u-carlos', name: 'Carlos Huamán', organization: 'Ministerio de Energía y Minas' },
];

describe('mention matching', () => {
  it('ignores accents and case: "@maria" finds "María"', () => {
    expect(matchMentions('maria', members).map((m) => m.id)).toEqual(['u-maria']);
    expect(matchMentions('MARÍA', members).map((m) => m.id)).toEqual(['u-maria']);
    expect(matchMentions('huaman', members).map((m) => m.id)).toEqual(['u-carlos']);
    expect(matchMentions('nahui', members).map((m) => m.id)).toEqual(['u-mario']);
  });

  it('ranks name starts before later words and organizations', () => {
    expect(matchMentions('mar', members).map((m) => m.id)).toEqual(['u-maria', 'u-mario']);
    expect(matchMentions('quispe', members).map((m) => m.id)).toEqual(['u-ana', 'u-maria']);
    expect(matchMentions('minist', members).map((m) => m.id)).toEqual(['u-carlos']);
    expect(matchMentions('', members)).toHaveLength(4);
  });

  it('finds the query being typed before the caret, names with one space included', () => {
    expect(mentionQueryAt('Hola @mar', 9)).toEqual({ start: 5, query: 'mar' });
    expect(mentionQueryAt('Hola @María Q', 13)).toEqual({ start: 5, query: 'María Q' });
    expect(mentionQueryAt('correo@dominio', 14)).toBeNull();
    expect(mentionQueryAt('sin arroba', 10)).toBeNull();
  });
});

describe('comment parts', () => {
  it('turns each @Name of a picked person into a mention carrying the user id', () => {
    const parts = toParts('@María Quispe y @Carlos Huamán: ¿revisan? @María Quispe', [
      members[0]!,
      members[3]!,
    ]);
    expect(parts).toEqual([
      { type: 'mention', userId: 'u-maria', label: 'María Quispe' },
      { type: 'text', text: ' y ' },
      { type: 'mention', userId: 'u-carlos', label: 'Carlos Huamán' },
      { type: 'text', text: ': ¿revisan? ' },
      { type: 'mention', userId: 'u-maria', label: 'María Quispe' },
    ]);
    expect(mentionedUserIds(parts)).toEqual(['u-maria', 'u-carlos']);
  });

  it('leaves an @ that names nobody picked as plain text', () => {
    expect(toParts('Escriba a @Pedro', [members[0]!])).toEqual([
      { type: 'text', text: 'Escriba a @Pedro' },
    ]);
  });
});
