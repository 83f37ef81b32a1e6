import { describe, expect, it } from 'vitest';
import { resources, type LocaleTree as Tree } from '../../../../renderer/i18n';
import { ERROR_CODES } from '../../../../shared/protocol/errors';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const spanish = flatten(resources['es-419'].translation);
const english = flatten(resources.en.translation);

describe('locales', () => {
  it('es-419 and en have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...spanish.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...spanish, ...english]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: string) =>
      [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const [key, value] of spanish) {
      expect(variables(english.get(key) ?? ''), key).toEqual(variables(value));
    }
  });

  it('carry the sync indicator texts the product promises, with Spanish plurals', () => {
    expect(spanish.get('sync.offline_one')).toBe(
      'Sin conexión — {{count}} cambio guardado en este equipo',
    );
    expect(spanish.get('sync.offline_other')).toBe(
      'Sin conexión — {{count}} cambios guardados en este equipo',
    );
    expect(spanish.get('sync.syncing')).toBe('Sincronizando…');
    expect(spanish.get('sync.saved')).toBe('Guardado en el servidor');
  });

  it('give every error code of every layer a sentence in both languages, and no stale ones', () => {
    const codes = Object.values(ERROR_CODES).sort();
    const described = (messages: Map<string, string>) =>
      [...messages.keys()]
        .filter((key) => key.startsWith('errors.'))
        .map((key) => key.slice('errors.'.length))
        .sort();
    expect(described(spanish)).toEqual(codes);
    expect(described(english)).toEqual(codes);
  });
});
