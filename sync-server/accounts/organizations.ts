/** Organizations of the cluster, each with its kind (mining company, university, government …). */
import { randomUUID } from 'node:crypto';
import type { Organization, OrganizationKind } from '../../shared/model/accounts';
import type { Sql } from '../db/sql';

export class Organizations {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  list(): Promise<Organization[]> {
    return this.sql.all<Organization>(
      'SELECT id, name, kind FROM organizations ORDER BY lower(name), name',
    );
  }

  async get(id: string): Promise<Organization | null> {
    return (
      (await this.sql.get<Organization>('SELECT id, name, kind FROM organizations WHERE id = ?', [
        id,
      ])) ?? null
    );
  }

  /** Names are unique regardless of case. */
  async byName(name: string): Promise<Organization | null> {
    return (
      (await this.sql.get<Organization>(
        'SELECT id, name, kind FROM organizations WHERE lower(name) = lower(?)',
        [name],
      )) ?? null
    );
  }

  async create(name: string, kind: OrganizationKind): Promise<Organization> {
    const organization: Organization = { id: randomUUID(), name, kind };
    await this.sql.run(
      'INSERT INTO organizations (id, name, kind, created_at) VALUES (?, ?, ?, ?)',
      [organization.id, name, kind, this.now()],
    );
    return organization;
  }
}
