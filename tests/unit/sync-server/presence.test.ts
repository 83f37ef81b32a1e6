import { describe, expect, it } from 'vitest';
import type { PresenceUser } from '../../../shared/model/accounts';
import {
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  sanitizeAwareness,
} from '../../../sync-server/presence';

const ANA: PresenceUser = {
  userId: 'u-ana',
  name: 'Ana Quispe',
  organization: 'Minera Andina del Sur (demo)',
  color: '#b4432f',
};

describe('sanitizeAwareness', () => {
  it("replaces the client's user with the session's and keeps the rest of its state", () => {
    const update = encodeAwarenessUpdate([
      { client: 7, clock: 1, state: { user: { name: 'Gerente General' }, cursor: { anchor: 4 } } },
    ]);
    const kept = decodeAwarenessUpdate(sanitizeAwareness(update, () => false, ANA)!);
    expect(kept).toEqual([{ client: 7, clock: 1, state: { user: ANA, cursor: { anchor: 4 } } }]);
  });

  it('drops entries, removals included, for client ids another connection owns', () => {
    const update = encodeAwarenessUpdate([
      { client: 7, clock: 3, state: { cursor: null } },
      { client: 9, clock: 8, state: { user: { name: 'Ana falsa' } } },
      { client: 10, clock: 2, state: null },
    ]);
    const kept = decodeAwarenessUpdate(sanitizeAwareness(update, (client) => client !== 7, ANA)!);
    expect(kept.map((entry) => entry.client)).toEqual([7]);
    expect(sanitizeAwareness(update, () => true, ANA)).toBeNull();
  });

  it('keeps its own removal and drops states that are not objects', () => {
    const update = encodeAwarenessUpdate([
      { client: 7, clock: 4, state: null },
      { client: 8, clock: 1, state: 'hola' },
      { client: 9, clock: 1, state: [1, 2] },
    ]);
    expect(decodeAwarenessUpdate(sanitizeAwareness(update, () => false, ANA)!)).toEqual([
      { client: 7, clock: 4, state: null },
    ]);
  });
});
