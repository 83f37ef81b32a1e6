/**
 * The regulatory knowledge base's records (issue 15) on the async `Sql`: regulations and
 * articles, friction cases linked to articles, and improvement proposals with what they cite.
 *
 * Every read of cases takes the viewer (organization, and whether they lead the group) and
 * filters confidential cases in SQL, so no code path above this store ever holds a case the
 * viewer may not see; aggregates count every case and say how many the viewer cannot see.
 */
import type { OrganizationKind } from '../../shared/model/accounts';
import type {
  ArticleAggregate,
  ArticleRef,
  Evidence,
  FrictionCase,
  RegulationKind,
  RegulationView,
} from '../../shared/protocol/regulationApi';
import type { GroupId } from '../../shared/model/ids';
import type { Sql, SqlValue } from '../db/sql';

export interface Viewer {
  organizationId: string;
  /** Leads of the group see every case. */
  isLead: boolean;
}

interface RegulationRow {
  id: string;
  group_id: string;
  kind: RegulationKind;
  number: string;
  title: string;
  issuer: string;
  in_force: number;
  valid_from: string | null;
  url: string;
}

interface ArticleRow {
  id: string;
  regulation_id: string;
  number: string;
  heading: string;
}

interface CaseRow {
  id: string;
  title: string;
  procedure_name: string;
  description: string;
  days_lost: number;
  cost: number;
  evidence: string;
  confidential: number;
  organization_id: string;
  organization_name: string;
  organization_kind: OrganizationKind;
  reported_by: string;
  reported_by_name: string;
  created_at: number;
}

const empty = (): ArticleAggregate => ({
  cases: 0,
  organizations: 0,
  daysLost: 0,
  cost: 0,
  hiddenCases: 0,
});

/** The SQL condition "the viewer may see case c", with its two parameters. */
const VISIBLE = '(c.confidential = 0 OR c.organization_id = ? OR ? = 1)';
const visibleParams = (viewer: Viewer): SqlValue[] => [
  viewer.organizationId,
  viewer.isLead ? 1 : 0,
];

const CASE_SELECT = `SELECT c.id, c.title, c.procedure_name, c.description, c.days_lost, c.cost,
    c.evidence, c.confidential, c.organization_id, o.name AS organization_name, o.kind AS organization_kind,
    c.reported_by, u.name AS reported_by_name, c.created_at
  FROM reg_cases c JOIN organizations o ON o.id = c.organization_id JOIN users u ON u.id = c.reported_by`;

function parseEvidence(value: string): Evidence[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Evidence[]) : [];
  } catch {
    return [];
  }
}

export class RegulationStore {
  constructor(
    readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async createRegulation(
    tx: Sql,
    input: {
      id: string;
      groupId: string;
      kind: RegulationKind;
      number: string;
      title: string;
      issuer: string;
      inForce: boolean;
      validFrom: string | null;
      url: string;
      createdBy: string;
      articles: ReadonlyArray<{ id: string; number: string; heading: string }>;
    },
  ): Promise<void> {
    await tx.run(
      `INSERT INTO reg_regulations (id, group_id, kind, number, title, issuer, in_force, valid_from, url,
         created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.id,
        input.groupId,
        input.kind,
        input.number,
        input.title,
        input.issuer,
        input.inForce ? 1 : 0,
        input.validFrom,
        input.url,
        input.createdBy,
        this.now(),
      ],
    );
    for (const article of input.articles) await this.addArticle(tx, input.id, article);
  }

  async addArticle(
    tx: Sql,
    regulationId: string,
    article: { id: string; number: string; heading: string },
  ): Promise<void> {
    const last = await tx.get<{ p: number | null }>(
      'SELECT max(position) AS p FROM reg_articles WHERE regulation_id = ?',
      [regulationId],
    );
    await tx.run(
      'INSERT INTO reg_articles (id, regulation_id, number, heading, position) VALUES (?, ?, ?, ?, ?)',
      [article.id, regulationId, article.number, article.heading, Number(last?.p ?? 0) + 1],
    );
  }

  private async aggregates(groupId: string, viewer: Viewer) {
    const rows = await this.sql.all<{
      article_id: string;
      regulation_id: string;
      case_id: string;
      organization_id: string;
      days_lost: number;
      cost: number;
      hidden: number;
    }>(
      `SELECT ca.article_id, a.regulation_id, c.id AS case_id, c.organization_id, c.days_lost, c.cost,
         CASE WHEN ${VISIBLE} THEN 0 ELSE 1 END AS hidden
       FROM reg_case_articles ca JOIN reg_cases c ON c.id = ca.case_id
       JOIN reg_articles a ON a.id = ca.article_id WHERE c.group_id = ?`,
      [...visibleParams(viewer), groupId],
    );
    const sum = (list: typeof rows): ArticleAggregate => {
      const cases = new Map(list.map((row) => [row.case_id, row]));
      const result = empty();
      const organizations = new Set<string>();
      for (const row of cases.values()) {
        result.cases++;
        organizations.add(row.organization_id);
        result.daysLost += Number(row.days_lost);
        result.cost += Number(row.cost);
        result.hiddenCases += Number(row.hidden);
      }
      result.organizations = organizations.size;
      return result;
    };
    const group = <K extends 'article_id' | 'regulation_id'>(key: K) => {
      const lists = new Map<string, typeof rows>();
      for (const row of rows) {
        const list = lists.get(row[key]) ?? [];
        list.push(row);
        lists.set(row[key], list);
      }
      return new Map([...lists].map(([id, list]) => [id, sum(list)]));
    };
    return { byArticle: group('article_id'), byRegulation: group('regulation_id') };
  }

  async regulations(groupId: string, viewer: Viewer, only?: string): Promise<RegulationView[]> {
    const regulations = await this.sql.all<RegulationRow>(
      `SELECT * FROM reg_regulations WHERE group_id = ? ${only === undefined ? '' : 'AND id = ?'}
       ORDER BY lower(title)`,
      only === undefined ? [groupId] : [groupId, only],
    );
    if (regulations.length === 0) return [];
    const articles = await this.sql.all<ArticleRow>(
      `SELECT a.id, a.regulation_id, a.number, a.heading FROM reg_articles a
       JOIN reg_regulations r ON r.id = a.regulation_id WHERE r.group_id = ? ORDER BY a.position`,
      [groupId],
    );
    const { byArticle, byRegulation } = await this.aggregates(groupId, viewer);
    return regulations.map((row) => ({
      id: row.id,
      groupId: row.group_id as GroupId,
      kind: row.kind,
      number: row.number,
      title: row.title,
      issuer: row.issuer,
      inForce: Number(row.in_force) === 1,
      validFrom: row.valid_from,
      url: row.url,
      articles: articles
        .filter((a) => a.regulation_id === row.id)
        .map((a) => ({
          id: a.id,
          number: a.number,
          heading: a.heading,
          aggregate: byArticle.get(a.id) ?? empty(),
        })),
      aggregate: byRegulation.get(row.id) ?? empty(),
    }));
  }

  async articleRegulation(groupId: string, articleId: string): Promise<string | null> {
    const row = await this.sql.get<{ regulation_id: string }>(
      `SELECT a.regulation_id FROM reg_articles a JOIN reg_regulations r ON r.id = a.regulation_id
       WHERE r.group_id = ? AND a.id = ?`,
      [groupId, articleId],
    );
    return row?.regulation_id ?? null;
  }

  /** How many of the ids are articles of the group's regulations. */
  async countArticles(groupId: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const row = await this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM reg_articles a JOIN reg_regulations r ON r.id = a.regulation_id
       WHERE r.group_id = ? AND a.id IN (${ids.map(() => '?').join(', ')})`,
      [groupId, ...ids],
    );
    return Number(row?.n ?? 0);
  }

  private async articleRefs(caseIds: readonly string[]): Promise<Map<string, ArticleRef[]>> {
    const result = new Map<string, ArticleRef[]>();
    if (caseIds.length === 0) return result;
    const rows = await this.sql.all<{
      case_id: string;
      id: string;
      number: string;
      regulation_id: string;
      kind: RegulationKind;
      regulation_number: string;
    }>(
      `SELECT ca.case_id, a.id, a.number, a.regulation_id, r.kind, r.number AS regulation_number
       FROM reg_case_articles ca JOIN reg_articles a ON a.id = ca.article_id
       JOIN reg_regulations r ON r.id = a.regulation_id
       WHERE ca.case_id IN (${caseIds.map(() => '?').join(', ')}) ORDER BY r.number, a.position`,
      [...caseIds],
    );
    for (const row of rows) {
      const list = result.get(row.case_id) ?? [];
      list.push({
        id: row.id,
        number: row.number,
        regulationId: row.regulation_id,
        regulationKind: row.kind,
        regulationNumber: row.regulation_number,
      });
      result.set(row.case_id, list);
    }
    return result;
  }

  /** The cases the viewer may see (newest first) and how many others exist. */
  async cases(
    groupId: string,
    viewer: Viewer,
    filter: { articleId?: string; caseIds?: readonly string[] } = {},
  ): Promise<{ cases: FrictionCase[]; hidden: number }> {
    const where = ['c.group_id = ?'];
    const params: SqlValue[] = [groupId];
    if (filter.articleId !== undefined) {
      where.push('c.id IN (SELECT case_id FROM reg_case_articles WHERE article_id = ?)');
      params.push(filter.articleId);
    }
    if (filter.caseIds !== undefined) {
      if (filter.caseIds.length === 0) return { cases: [], hidden: 0 };
      where.push(`c.id IN (${filter.caseIds.map(() => '?').join(', ')})`);
      params.push(...filter.caseIds);
    }
    const rows = await this.sql.all<CaseRow>(
      `${CASE_SELECT} WHERE ${where.join(' AND ')} AND ${VISIBLE} ORDER BY c.created_at DESC, c.id`,
      [...params, ...visibleParams(viewer)],
    );
    const total = await this.sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM reg_cases c WHERE ${where.join(' AND ')}`,
      params,
    );
    const refs = await this.articleRefs(rows.map((row) => row.id));
    return {
      cases: rows.map((row) => ({
        id: row.id,
        title: row.title,
        procedure: row.procedure_name,
        description: row.description,
        daysLost: Number(row.days_lost),
        cost: Number(row.cost),
        evidence: parseEvidence(row.evidence),
        confidential: Number(row.confidential) === 1,
        organization: {
          id: row.organization_id,
          name: row.organization_name,
          kind: row.organization_kind,
        },
        reportedBy: { id: row.reported_by, name: row.reported_by_name },
        createdAt: new Date(Number(row.created_at)).toISOString(),
        articles: refs.get(row.id) ?? [],
      })),
      hidden: Number(total?.n ?? 0) - rows.length,
    };
  }

  async case(groupId: string, id: string, viewer: Viewer): Promise<FrictionCase | null> {
    const { cases } = await this.cases(groupId, viewer, { caseIds: [id] });
    return cases[0] ?? null;
  }

  async createCase(
    tx: Sql,
    input: {
      id: string;
      groupId: string;
      organizationId: string;
      reportedBy: string;
      title: string;
      procedure: string;
      description: string;
      daysLost: number;
      cost: number;
      evidence: readonly Evidence[];
      confidential: boolean;
      articleIds: readonly string[];
    },
  ): Promise<void> {
    await tx.run(
      `INSERT INTO reg_cases (id, group_id, organization_id, reported_by, title, procedure_name, description,
         days_lost, cost, evidence, confidential, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.id,
        input.groupId,
        input.organizationId,
        input.reportedBy,
        input.title,
        input.procedure,
        input.description,
        input.daysLost,
        input.cost,
        JSON.stringify(input.evidence),
        input.confidential ? 1 : 0,
        this.now(),
      ],
    );
    await this.setCaseArticles(tx, input.id, input.articleIds);
  }

  async updateCase(
    tx: Sql,
    id: string,
    patch: {
      title?: string;
      procedure?: string;
      description?: string;
      daysLost?: number;
      cost?: number;
      evidence?: readonly Evidence[];
      confidential?: boolean;
    },
  ): Promise<void> {
    const sets: string[] = [];
    const values: SqlValue[] = [];
    const set = (column: string, value: SqlValue) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.procedure !== undefined) set('procedure_name', patch.procedure);
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.daysLost !== undefined) set('days_lost', patch.daysLost);
    if (patch.cost !== undefined) set('cost', patch.cost);
    if (patch.evidence !== undefined) set('evidence', JSON.stringify(patch.evidence));
    if (patch.confidential !== undefined) set('confidential', patch.confidential ? 1 : 0);
    if (sets.length > 0)
      await tx.run(`UPDATE reg_cases SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
  }

  async setCaseArticles(tx: Sql, caseId: string, articleIds: readonly string[]): Promise<void> {
    await tx.run('DELETE FROM reg_case_articles WHERE case_id = ?', [caseId]);
    for (const articleId of new Set(articleIds)) {
      await tx.run('INSERT INTO reg_case_articles (case_id, article_id) VALUES (?, ?)', [
        caseId,
        articleId,
      ]);
    }
  }

  /** The raw owner of a case, for permission checks (never returned to a client). */
  async caseOwner(
    groupId: string,
    id: string,
  ): Promise<{ organizationId: string; confidential: boolean } | null> {
    const row = await this.sql.get<{ organization_id: string; confidential: number }>(
      'SELECT organization_id, confidential FROM reg_cases WHERE group_id = ? AND id = ?',
      [groupId, id],
    );
    return row === undefined
      ? null
      : { organizationId: row.organization_id, confidential: Number(row.confidential) === 1 };
  }

  // --- proposals -----------------------------------------------------------------------------

  async registerProposal(
    tx: Sql,
    input: {
      docId: string;
      groupId: string;
      title: string;
      addressee: string;
      articleIds: readonly string[];
      caseIds: readonly string[];
      createdBy: string;
    },
  ): Promise<void> {
    const exists = await tx.get('SELECT 1 AS one FROM reg_proposals WHERE doc_id = ?', [
      input.docId,
    ]);
    if (exists === undefined) {
      await tx.run(
        `INSERT INTO reg_proposals (doc_id, group_id, title, addressee, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [input.docId, input.groupId, input.title, input.addressee, input.createdBy, this.now()],
      );
    } else {
      await tx.run('UPDATE reg_proposals SET title = ?, addressee = ? WHERE doc_id = ?', [
        input.title,
        input.addressee,
        input.docId,
      ]);
    }
    await tx.run('DELETE FROM reg_proposal_citations WHERE doc_id = ?', [input.docId]);
    for (const id of new Set(input.articleIds)) {
      await tx.run(
        "INSERT INTO reg_proposal_citations (doc_id, target_kind, target_id) VALUES (?, 'article', ?)",
        [input.docId, id],
      );
    }
    for (const id of new Set(input.caseIds)) {
      await tx.run(
        "INSERT INTO reg_proposal_citations (doc_id, target_kind, target_id) VALUES (?, 'case', ?)",
        [input.docId, id],
      );
    }
  }

  async proposalGroup(docId: string): Promise<{ groupId: string; sentAt: number | null } | null> {
    const row = await this.sql.get<{ group_id: string; sent_at: number | null }>(
      'SELECT group_id, sent_at FROM reg_proposals WHERE doc_id = ?',
      [docId],
    );
    return row === undefined
      ? null
      : { groupId: row.group_id, sentAt: row.sent_at === null ? null : Number(row.sent_at) };
  }

  async markSent(tx: Sql, docId: string, userId: string): Promise<void> {
    await tx.run('UPDATE reg_proposals SET sent_at = ?, sent_by = ? WHERE doc_id = ?', [
      this.now(),
      userId,
      docId,
    ]);
  }

  async proposals(
    groupId: string,
    viewer: Viewer,
    filter: { articleId?: string; docId?: string } = {},
  ): Promise<
    Array<{
      docId: string;
      title: string;
      addressee: string;
      sentAt: number | null;
      sentBy: { id: string; name: string } | null;
      articles: ArticleRef[];
      cases: Array<{ id: string; title: string }>;
      hiddenCases: number;
    }>
  > {
    const where = ['p.group_id = ?'];
    const params: SqlValue[] = [groupId];
    if (filter.articleId !== undefined) {
      where.push(
        "p.doc_id IN (SELECT doc_id FROM reg_proposal_citations WHERE target_kind = 'article' AND target_id = ?)",
      );
      params.push(filter.articleId);
    }
    if (filter.docId !== undefined) {
      where.push('p.doc_id = ?');
      params.push(filter.docId);
    }
    const rows = await this.sql.all<{
      doc_id: string;
      title: string;
      addressee: string;
      sent_at: number | null;
      sent_by: string | null;
      sent_by_name: string | null;
    }>(
      `SELECT p.doc_id, p.title, p.addressee, p.sent_at, p.sent_by, u.name AS sent_by_name
       FROM reg_proposals p LEFT JOIN users u ON u.id = p.sent_by WHERE ${where.join(' AND ')}
       ORDER BY p.created_at DESC`,
      params,
    );
    const result = [];
    for (const row of rows) {
      const citations = await this.sql.all<{ target_kind: 'article' | 'case'; target_id: string }>(
        'SELECT target_kind, target_id FROM reg_proposal_citations WHERE doc_id = ?',
        [row.doc_id],
      );
      const articleIds = citations
        .filter((c) => c.target_kind === 'article')
        .map((c) => c.target_id);
      const caseIds = citations.filter((c) => c.target_kind === 'case').map((c) => c.target_id);
      const articles =
        articleIds.length === 0
          ? []
          : await this.sql.all<{
              id: string;
              number: string;
              regulation_id: string;
              kind: RegulationKind;
              regulation_number: string;
            }>(
              `SELECT a.id, a.number, a.regulation_id, r.kind, r.number AS regulation_number FROM reg_articles a
               JOIN reg_regulations r ON r.id = a.regulation_id
               WHERE a.id IN (${articleIds.map(() => '?').join(', ')}) ORDER BY r.number, a.position`,
              articleIds,
            );
      const visible = await this.cases(groupId, viewer, { caseIds });
      result.push({
        docId: row.doc_id,
        title: row.title,
        addressee: row.addressee,
        sentAt: row.sent_at === null ? null : Number(row.sent_at),
        sentBy: row.sent_by === null ? null : { id: row.sent_by, name: row.sent_by_name ?? '' },
        articles: articles.map((a) => ({
          id: a.id,
          number: a.number,
          regulationId: a.regulation_id,
          regulationKind: a.kind,
          regulationNumber: a.regulation_number,
        })),
        cases: visible.cases.map((c) => ({ id: c.id, title: c.title })),
        hiddenCases: visible.hidden,
      });
    }
    return result;
  }
}

export type { RegulationView };
