/** Organizations of the cluster, each with its kind (mining company, university, government …). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Organization, OrganizationKind } from '../../shared/model/accounts';

export class Organizations {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  list(): Organization[] {
    return this.db
      .prepare<[], Organization>(
        'SELECT id, name, kind FROM organizations ORDER BY name COLLATE NOCASE',
      )
      .all();
  }

  get(id: string): Organization | null {
    return (
      this.db
        .prepare<[string], Organization>('SELECT id, name, kind FROM organizations WHERE id = ?')
        .get(id) ?? null
    );
  }

  byName(name: string): Organization | null {
    return (
      this.db
        .prepare<[string], Organization>(
          'SELECT id, name, kind FROM organizations WHERE name = ? COLLATE NOCASE',
        )
        .get(name) ?? null
    );
  }

  create(name: string, kind: OrganizationKind): Organization {
    const organization: Organization = { id: randomUUID(), name, kind };
    this.db
      .prepare('INSERT INTO organizations (id, name, kind, created_at) VALUES (?, ?, ?, ?)')
      .run(organization.id, name, kind, this.now());
    return organization;
  }
}
