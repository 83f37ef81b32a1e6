import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteSql } from '../../../../sync-server/db/sqliteSql';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function sql(): SqliteSql {
  const db = new Database(':memory:');
  open.push(db);
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL, data BLOB)');
  return new SqliteSql(db);
}

describe('SqliteSql', () => {
  it('runs statements with ? placeholders and returns rows', async () => {
    const db = sql();
    expect(await db.run('INSERT INTO t (id, n) VALUES (?, ?)', ['a', 1])).toEqual({ changes: 1 });
    await db.run('INSERT INTO t (id, n) VALUES (?, ?)', ['b', 2]);
    expect(await db.all<{ id: string }>('SELECT id FROM t ORDER BY n')).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
    expect(await db.get<{ n: number }>('SELECT n FROM t WHERE id = ?', ['b'])).toEqual({ n: 2 });
    expect(await db.get('SELECT n FROM t WHERE id = ?', ['zz'])).toBeUndefined();
  });

  it('binds a plain Uint8Array as a blob', async () => {
    const db = sql();
    const bytes = new Uint8Array([1, 2, 3, 250]).subarray(1);
    await db.run('INSERT INTO t (id, n, data) VALUES (?, ?, ?)', ['a', 1, bytes]);
    const row = await db.get<{ data: Uint8Array }>('SELECT data FROM t');
    expect([...row!.data]).toEqual([2, 3, 250]);
  });

  it('commits a transaction whole, or rolls it back whole on an error', async () => {
    const db = sql();
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id, n) VALUES (?, ?)', ['a', 1]);
      await tx.run('INSERT INTO t (id, n) VALUES (?, ?)', ['b', 2]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (id, n) VALUES (?, ?)', ['c', 3]);
        await tx.run('INSERT INTO t (id, n) VALUES (?, ?)', ['a', 4]); // duplicate key
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.all('SELECT id FROM t ORDER BY id')).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(db.db.inTransaction).toBe(false);
  });

  it('keeps statements from outside out of an open transaction, and in order', async () => {
    const db = sql();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (id, n) VALUES (?, ?)', ['a', 1]);
      await gate;
      throw new Error('abandon');
    });
    // Issued while the transaction is open: must not run inside it (it would be rolled back).
    const outside = db.run('INSERT INTO t (id, n) VALUES (?, ?)', ['b', 2]);
    const seen = db.all<{ id: string }>('SELECT id FROM t ORDER BY id');
    release();
    await expect(inside).rejects.toThrow('abandon');
    await outside;
    expect(await seen).toEqual([{ id: 'b' }]);
    expect(await db.all('SELECT id FROM t')).toEqual([{ id: 'b' }]);
  });

  it('runs queued transactions one after another, and a nested call joins the open one', async () => {
    const db = sql();
    const order: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((id, n) =>
        db.transaction(async (tx) => {
          order.push(`begin ${id}`);
          await tx.transaction((inner) =>
            inner.run('INSERT INTO t (id, n) VALUES (?, ?)', [id, n]),
          );
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`end ${id}`);
        }),
      ),
    );
    expect(order).toEqual(['begin a', 'end a', 'begin b', 'end b', 'begin c', 'end c']);
    expect(await db.get('SELECT count(*) AS n FROM t')).toEqual({ n: 3 });
  });
});
