/**
 * The regulatory knowledge base API (issue 15; contract in shared/protocol/regulationApi.ts).
 * Members read the catalogue, aggregates and the cases they may see; leads and editors keep the
 * catalogue; any member but a viewer reports cases for their own organization; a case is changed
 * by members of its organization (not viewers) or by leads. Confidential cases reach only their
 * organization and the group's leads: the store filters them in SQL, and a case the caller may
 * not see answers 404 exactly like one that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { canonicalUuid } from '../../../shared/model/ids';
import {
  articleBody,
  caseBody,
  casePatchBody,
  proposalBody,
  regulationBody,
  type ArticleDetail,
  type CasesResponse,
  type ProposalView,
  type ProposalsResponse,
  type RegulationsResponse,
} from '../../../shared/protocol/regulationApi';
import { audited, memberOf, storesOf } from '../../governance/context';
import type { RegulationStore, Viewer } from '../../governance/regulationStore';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { created, ok, type ApiContext, type AuthedCall, type Route } from '../route';

function viewerOf(call: AuthedCall, role: string): Viewer {
  return { organizationId: call.session.user.organization.id, isLead: role === 'lead' };
}

const notFound = (what: 'regulation' | 'case' | 'proposal') =>
  what === 'regulation'
    ? new ApiFailure(
        404,
        'regulation_not_found',
        'Esa norma o artículo no existe en la base normativa de este grupo.',
      )
    : what === 'case'
      ? new ApiFailure(
          404,
          'case_not_found',
          'Ese caso no existe o es confidencial de otra organización.',
        )
      : new ApiFailure(
          404,
          'proposal_not_found',
          'Esa propuesta de mejora no existe en este grupo.',
        );

async function checkArticles(
  store: RegulationStore,
  groupId: string,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => canonicalUuid(id) ?? id))];
  if ((await store.countArticles(groupId, unique)) !== unique.length) throw notFound('regulation');
  return unique;
}

async function proposalViews(
  context: ApiContext,
  store: RegulationStore,
  groupId: string,
  viewer: Viewer,
  filter: { articleId?: string; docId?: string } = {},
): Promise<ProposalView[]> {
  const proposals = await store.proposals(groupId, viewer, filter);
  const signoffs = new Map(
    (await context.store.versions.latestSignoffs(groupId)).map((s) => [s.docId, s]),
  );
  return proposals.map((p) => ({
    ...p,
    sentAt: p.sentAt === null ? null : new Date(p.sentAt).toISOString(),
    signoff: signoffs.get(p.docId) ?? null,
  }));
}

const WHAT = 'su base normativa';

export const regulationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/groups/:groupId/regulations',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const body: RegulationsResponse = {
        regulations: await storesOf(call.context).regulations.regulations(
          group.id,
          viewerOf(call, role),
        ),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/regulations',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT, { editor: 'agregar normas al catálogo' });
      const input = await readJson(call.req, regulationBody);
      const { regulations } = storesOf(call.context);
      const id = randomUUID();
      await audited(call, group.id, 'regulation_created', async (tx) => {
        await regulations.createRegulation(tx, {
          id,
          groupId: group.id,
          kind: input.kind,
          number: input.number,
          title: input.title,
          issuer: input.issuer,
          inForce: input.inForce,
          validFrom: input.validFrom,
          url: input.url,
          createdBy: call.session.user.id,
          articles: input.articles.map((a) => ({
            id: randomUUID(),
            number: a.number,
            heading: a.heading,
          })),
        });
        return { regulationId: id, number: input.number };
      });
      const [view] = await regulations.regulations(group.id, viewerOf(call, role), id);
      return created(view);
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/regulations/:regulationId',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const [view] = await storesOf(call.context).regulations.regulations(
        group.id,
        viewerOf(call, role),
        call.params.regulationId!,
      );
      if (view === undefined) throw notFound('regulation');
      return ok(view);
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/regulations/:regulationId/articles',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT, { editor: 'agregar artículos' });
      const input = await readJson(call.req, articleBody);
      const { regulations } = storesOf(call.context);
      const viewer = viewerOf(call, role);
      const [existing] = await regulations.regulations(group.id, viewer, call.params.regulationId!);
      if (existing === undefined) throw notFound('regulation');
      const id = randomUUID();
      await regulations.sql.transaction((tx) =>
        regulations.addArticle(tx, existing.id, {
          id,
          number: input.number,
          heading: input.heading,
        }),
      );
      const [view] = await regulations.regulations(group.id, viewer, existing.id);
      return created(view);
    },
  },
  {
    // One article: its aggregate over every case, the cases the caller may see, the proposals citing it.
    method: 'GET',
    path: '/api/groups/:groupId/articles/:articleId',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const { regulations } = storesOf(call.context);
      const viewer = viewerOf(call, role);
      const articleId = call.params.articleId!;
      const regulationId = await regulations.articleRegulation(group.id, articleId);
      if (regulationId === null) throw notFound('regulation');
      const [regulation] = await regulations.regulations(group.id, viewer, regulationId);
      const article = regulation!.articles.find((a) => a.id === articleId)!;
      const { articles: _articles, ...rest } = regulation!;
      const body: ArticleDetail = {
        article,
        regulation: rest,
        cases: (await regulations.cases(group.id, viewer, { articleId })).cases,
        proposals: await proposalViews(call.context, regulations, group.id, viewer, { articleId }),
      };
      return ok(body);
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/cases',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const { cases, hidden } = await storesOf(call.context).regulations.cases(
        group.id,
        viewerOf(call, role),
      );
      const body: CasesResponse = { cases, hiddenCases: hidden };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: '/api/groups/:groupId/cases',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      if (role === 'viewer') {
        throw new ApiFailure(
          403,
          'forbidden',
          'Los lectores no reportan casos; pida a quien coordina el grupo un rol de comentarista o editor.',
        );
      }
      const input = await readJson(call.req, caseBody);
      const { regulations } = storesOf(call.context);
      const articleIds = await checkArticles(regulations, group.id, input.articleIds);
      const id = randomUUID();
      await audited(call, group.id, 'case_reported', async (tx) => {
        await regulations.createCase(tx, {
          id,
          groupId: group.id,
          organizationId: call.session.user.organization.id,
          reportedBy: call.session.user.id,
          title: input.title,
          procedure: input.procedure,
          description: input.description,
          daysLost: input.daysLost,
          cost: input.cost,
          evidence: input.evidence,
          confidential: input.confidential,
          articleIds,
        });
        // The audit row names the case by id only: the log is read by administrators, who are
        // not necessarily allowed to see a confidential case.
        return { caseId: id, confidential: input.confidential };
      });
      return created(await regulations.case(group.id, id, viewerOf(call, role)));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/cases/:caseId',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const found = await storesOf(call.context).regulations.case(
        group.id,
        call.params.caseId!,
        viewerOf(call, role),
      );
      if (found === null) throw notFound('case');
      return ok(found);
    },
  },
  {
    method: 'PATCH',
    path: '/api/groups/:groupId/cases/:caseId',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const { regulations } = storesOf(call.context);
      const viewer = viewerOf(call, role);
      const existing = await regulations.case(group.id, call.params.caseId!, viewer);
      if (existing === null) throw notFound('case');
      const own = existing.organization.id === call.session.user.organization.id;
      if (role === 'viewer' || (!own && role !== 'lead')) {
        throw new ApiFailure(
          403,
          'forbidden',
          'Solo la organización que reportó el caso (o quien coordina el grupo) puede cambiarlo.',
        );
      }
      const input = await readJson(call.req, casePatchBody);
      const articleIds =
        input.articleIds === undefined
          ? undefined
          : await checkArticles(regulations, group.id, input.articleIds);
      await audited(call, group.id, 'case_updated', async (tx) => {
        await regulations.updateCase(tx, existing.id, input);
        if (articleIds !== undefined)
          await regulations.setCaseArticles(tx, existing.id, articleIds);
        return { caseId: existing.id, fields: Object.keys(input) };
      });
      return ok(await regulations.case(group.id, existing.id, viewer));
    },
  },
  {
    method: 'GET',
    path: '/api/groups/:groupId/proposals',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT);
      const { regulations } = storesOf(call.context);
      const body: ProposalsResponse = {
        proposals: await proposalViews(call.context, regulations, group.id, viewerOf(call, role)),
      };
      return ok(body);
    },
  },
  {
    // Registers (or updates) a proposal document and what it cites. Only cases the caller may see
    // can be cited, so nobody cites a case they do not know.
    method: 'POST',
    path: '/api/groups/:groupId/proposals',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT, {
        editor: 'registrar propuestas de mejora',
      });
      const input = await readJson(call.req, proposalBody);
      const { regulations } = storesOf(call.context);
      const viewer = viewerOf(call, role);
      const docId = canonicalUuid(input.docId)!;
      const existing = await regulations.proposalGroup(docId);
      if (existing !== null && existing.groupId !== group.id) throw notFound('proposal');
      const articleIds = await checkArticles(regulations, group.id, input.articleIds);
      const caseIds = [...new Set(input.caseIds.map((id) => canonicalUuid(id) ?? id))];
      const visible = await regulations.cases(group.id, viewer, { caseIds });
      if (visible.cases.length !== caseIds.length) throw notFound('case');
      await audited(call, group.id, 'proposal_registered', async (tx) => {
        await regulations.registerProposal(tx, {
          docId,
          groupId: group.id,
          title: input.title,
          addressee: input.addressee,
          articleIds,
          caseIds,
          createdBy: call.session.user.id,
        });
        return { docId, articles: articleIds.length, cases: caseIds.length };
      });
      const [view] = await proposalViews(call.context, regulations, group.id, viewer, { docId });
      return existing === null ? created(view) : ok(view);
    },
  },
  {
    // "Enviar al ministerio": only once the proposal document's newest sign-off is approved.
    method: 'POST',
    path: '/api/groups/:groupId/proposals/:docId/send',
    async handle(call) {
      const { group, role } = await memberOf(call, WHAT, { lead: 'enviar una propuesta' });
      const { regulations } = storesOf(call.context);
      const docId = canonicalUuid(call.params.docId!) ?? '';
      const existing = await regulations.proposalGroup(docId);
      if (existing === null || existing.groupId !== group.id) throw notFound('proposal');
      const signoff = (await call.context.store.versions.latestSignoffs(group.id)).find(
        (s) => s.docId === docId,
      );
      if (signoff?.status !== 'approved') {
        throw new ApiFailure(
          409,
          'proposal_not_approved',
          'La propuesta aún no tiene la aprobación institucional: pida la aprobación de una versión y espere su resultado.',
        );
      }
      if (existing.sentAt === null) {
        await audited(call, group.id, 'proposal_sent', async (tx) => {
          await regulations.markSent(tx, docId, call.session.user.id);
          return { docId, versionId: signoff.versionId };
        });
      }
      const [view] = await proposalViews(
        call.context,
        regulations,
        group.id,
        viewerOf(call, role),
        { docId },
      );
      return ok(view);
    },
  },
];
