/**
 * One article of a regulation: the aggregate of the friction cases against it ("Artículo 12 del
 * D.S. N.º 040-2014-EM: 7 casos de 4 empresas, 180 días acumulados"), the cases this person may
 * see, the proposals that cite it, and "Redactar propuesta de mejora": a document from the
 * proposal template that cites the article and its visible cases, registered as a proposal so it
 * can go through sign-off and be sent.
 */
import { FilePlus2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DocId, GroupId } from '../../../shared/model/ids';
import { regulationCitation } from '../../../shared/protocol/regulationApi';
import { appendBlocks } from '../../../shared/ydoc/documentDoc';
import { proposalBlocks } from '../../../shared/ydoc/governanceDocs';
import { regulationApi } from '../../api/governance';
import { useApp } from '../../app/AppContext';
import { docHref, navigate, routeHref } from '../../app/route';
import { useRegistry } from '../../sync/RegistryContext';
import { createDocument } from '../documents/useCreateDocument';
import { FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { aggregateText, CasesTable, money } from './RegulationsPage';
import { formatDay } from './StatusBadge';
import './governance.css';
import { useApiValue } from './useApiValue';

export function ArticlePage({ groupId, articleId }: { groupId: GroupId; articleId: string }) {
  const { t, i18n } = useTranslation();
  const { api, roleIn, profile } = useApp();
  const registry = useRegistry();
  const role = roleIn(groupId);
  const detail = useApiValue(
    () => regulationApi.article(api, groupId, articleId),
    `${groupId}/${articleId}`,
  );
  const action = useAction();
  const d = detail.value;
  if (d === null) {
    return (
      <section className="page">
        {detail.error !== null ? (
          <p className="form-error" role="alert">
            {detail.error}
          </p>
        ) : (
          <p className="view-note">{t('governance.loading')}</p>
        )}
      </section>
    );
  }
  const citation = regulationCitation(d.regulation.kind, d.regulation.number);
  const heading = t('regulations.articleOf', { number: d.article.number, citation });
  const draft = async () => {
    const { title, blocks } = proposalBlocks(d.regulation, [d.article], i18n.language);
    const docId = await createDocument(
      registry,
      groupId,
      title,
      profile.name,
      (doc) => appendBlocks(doc, blocks),
      false,
    );
    const registered = await action.run(() =>
      regulationApi.registerProposal(api, groupId, {
        docId,
        title,
        addressee: d.regulation.issuer,
        articleIds: [d.article.id],
        caseIds: d.cases.map((c) => c.id),
      }),
    );
    if (registered !== null) navigate(docHref(groupId, docId));
  };
  return (
    <section className="page gov-page" aria-labelledby="article-title">
      <p className="gov-breadcrumb">
        <a href={routeHref({ kind: 'regulations', groupId })}>{t('regulations.back')}</a>
      </p>
      <h1 id="article-title" className="page-title">
        {heading}
      </h1>
      <p className="page-intro">
        {d.regulation.title}
        {d.article.heading !== '' && ` — ${d.article.heading}`}
      </p>
      <section className="panel gov-aggregate" aria-labelledby="aggregate-title">
        <h2 id="aggregate-title" className="panel-title">
          {t('regulations.aggregateTitle')}
        </h2>
        <p className="gov-aggregate-sentence" role="status">
          {heading}: {aggregateText(d.article.aggregate, t)}
        </p>
        <dl className="gov-figures">
          <div>
            <dt>{t('regulations.casesCol')}</dt>
            <dd>{d.article.aggregate.cases}</dd>
          </div>
          <div>
            <dt>{t('regulations.orgsCol')}</dt>
            <dd>{d.article.aggregate.organizations}</dd>
          </div>
          <div>
            <dt>{t('regulations.daysCol')}</dt>
            <dd>{d.article.aggregate.daysLost}</dd>
          </div>
          <div>
            <dt>{t('regulations.costCol')}</dt>
            <dd>{money(d.article.aggregate.cost, i18n.language)}</dd>
          </div>
        </dl>
        {d.article.aggregate.hiddenCases > 0 && (
          <p className="gov-note">
            {t('regulations.hidden', { count: d.article.aggregate.hiddenCases })}
          </p>
        )}
        {(role === 'lead' || role === 'editor') && (
          <button
            type="button"
            className="button button-primary"
            disabled={action.busy}
            onClick={() => void draft()}
          >
            <FilePlus2 aria-hidden="true" size={15} />
            {t('regulations.draftProposal')}
          </button>
        )}
        <FormError error={action.error} />
      </section>
      <section className="panel" aria-labelledby="article-cases-title">
        <h2 id="article-cases-title" className="panel-title">
          {t('regulations.cases')}
        </h2>
        <CasesTable cases={d.cases} groupId={groupId} />
      </section>
      <section className="panel" aria-labelledby="article-proposals-title">
        <h2 id="article-proposals-title" className="panel-title">
          {t('regulations.proposals')}
        </h2>
        {d.proposals.length === 0 ? (
          <p className="view-note">{t('regulations.noProposals')}</p>
        ) : (
          <ul className="gov-proposals">
            {d.proposals.map((p) => (
              <li key={p.docId}>
                <a href={docHref(groupId, p.docId as DocId)}>{p.title}</a>
                <span className={`gov-badge gov-signoff-${p.signoff?.status ?? 'none'}`}>
                  {p.sentAt !== null
                    ? t('regulations.sentOn', { date: formatDay(p.sentAt, i18n.language) })
                    : t(`regulations.signoff.${p.signoff?.status ?? 'none'}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
