/**
 * «Portafolio de proyectos»: the projects the program funds, filterable by challenge, company,
 * supplier, university, status and region (the server filters), with budget, co-financing by
 * organization and indicators against their targets. The lead and the project's team change the
 * status and report values; anyone may export the view as XLSX or as a PDF report.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROJECT_STATUSES,
  type ProgramSummary,
  type Project,
  type ProjectStatus,
} from '../../../shared/protocol/innovationApi';
import { innovationApi, type PortfolioFilters } from '../../api/innovation';
import { useApp } from '../../app/AppContext';
import { boardHref } from '../../app/route';
import { downloadFile, printHtml } from '../../platform/desktop';
import { FormError } from '../common/Field';
import { useAction } from '../common/useAction';
import { portfolioReportHtml, portfolioXlsx } from './portfolioExport';
import { formatMoney, formatScore, useLoad } from './useProgram';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function PortfolioSection({ program }: { program: ProgramSummary }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<PortfolioFilters>({});
  // Every project, once, to offer the filter choices; the filtered list comes from the server.
  const [all] = useLoad(
    useCallback((api) => innovationApi.projects(api, program.id), [program.id]),
  );
  const [load, reload] = useLoad(
    useCallback((api) => innovationApi.projects(api, program.id, filters), [program.id, filters]),
  );
  const action = useAction();
  const projects = load.kind === 'ready' ? load.value.projects : [];
  const choices = useMemo(
    () => filterChoices(all.kind === 'ready' ? all.value.projects : []),
    [all],
  );
  const [notice, setNotice] = useState('');

  const select = (key: keyof PortfolioFilters, label: string, options: Array<[string, string]>) => (
    <label className="innovation-field">
      <span>{label}</span>
      <select
        value={filters[key] ?? ''}
        onChange={(event) => setFilters((current) => ({ ...current, [key]: event.target.value }))}
      >
        <option value="">{t('innovation.portfolio.all')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  const title = t('innovation.portfolio.reportTitle', { program: program.name });
  const totalBudget = projects.reduce((sum, p) => sum + p.budget, 0);

  return (
    <section aria-labelledby="portfolio-title" className="innovation-section">
      <div className="innovation-section-head">
        <h2 id="portfolio-title">{t('innovation.portfolio.title')}</h2>
        <div className="innovation-actions">
          <button
            type="button"
            className="button"
            disabled={projects.length === 0 || action.busy}
            onClick={() =>
              void action.run(async () => {
                const outcome = downloadFile(
                  title,
                  'xlsx',
                  await portfolioXlsx(projects, t),
                  XLSX_TYPE,
                );
                setNotice(t('innovation.portfolio.saved', { file: outcome.fileName }));
              })
            }
          >
            {t('innovation.portfolio.exportXlsx')}
          </button>
          <button
            type="button"
            className="button"
            disabled={projects.length === 0 || action.busy}
            onClick={() =>
              void action.run(() =>
                printHtml(title, portfolioReportHtml(program.name, projects, t, i18n.language)),
              )
            }
          >
            {t('innovation.portfolio.exportPdf')}
          </button>
        </div>
      </div>
      <div
        className="innovation-filters"
        role="group"
        aria-label={t('innovation.portfolio.filters')}
      >
        {select('challenge', t('innovation.portfolio.filter.challenge'), choices.challenges)}
        {select('company', t('innovation.portfolio.filter.company'), choices.companies)}
        {select('supplier', t('innovation.portfolio.filter.supplier'), choices.suppliers)}
        {select('university', t('innovation.portfolio.filter.university'), choices.universities)}
        {select(
          'status',
          t('innovation.portfolio.filter.status'),
          PROJECT_STATUSES.map((s) => [s, t(`innovation.projectStatus.${s}`)]),
        )}
        {select('region', t('innovation.portfolio.filter.region'), choices.regions)}
      </div>
      {notice !== '' && (
        <p role="status" className="view-note">
          {notice}
        </p>
      )}
      <FormError error={load.kind === 'failed' ? load.error : action.error} />
      {load.kind === 'ready' && (
        <p className="innovation-meta" role="status">
          {t('innovation.portfolio.summary', {
            count: projects.length,
            total: formatMoney(totalBudget, i18n.language),
          })}
        </p>
      )}
      {load.kind === 'ready' && projects.length === 0 && (
        <p className="view-note">{t('innovation.portfolio.empty')}</p>
      )}
      <ul className="innovation-list">
        {projects.map((project) => (
          <li key={project.id}>
            <ProjectCard project={project} onChange={reload} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function filterChoices(projects: readonly Project[]) {
  const unique = (pairs: Array<[string, string]>) =>
    [...new Map(pairs).entries()].sort((a, b) => a[1].localeCompare(b[1], 'es'));
  return {
    challenges: unique(projects.map((p) => [p.challenge.id, p.challenge.title])),
    companies: unique(projects.map((p) => [p.challenge.company.id, p.challenge.company.name])),
    suppliers: unique(
      projects.flatMap((p) =>
        p.consortium
          .filter((o) => o.kind === 'mets_supplier')
          .map((o): [string, string] => [o.id, o.name]),
      ),
    ),
    universities: unique(
      projects.flatMap((p) =>
        p.consortium
          .filter((o) => o.kind === 'academia')
          .map((o): [string, string] => [o.id, o.name]),
      ),
    ),
    regions: unique(projects.map((p) => [p.region, p.region])),
  };
}

function ProjectCard({ project, onChange }: { project: Project; onChange: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const action = useAction();
  const [reported, setReported] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      project.indicators.map((i) => [i.id, i.reported === null ? '' : String(i.reported)]),
    ),
  );
  const cofinanced = project.cofinancing.reduce((sum, c) => sum + c.amount, 0);
  const update = (body: Parameters<typeof innovationApi.updateProject>[2]) =>
    void action.run(async () => {
      await innovationApi.updateProject(api, project.id, body);
      await onChange();
    });
  return (
    <article className="innovation-card" aria-label={project.title}>
      <header>
        <h3>{project.title}</h3>
        <span className={`innovation-badge project-${project.status}`}>
          {t(`innovation.projectStatus.${project.status}`)}
        </span>
      </header>
      <p className="innovation-meta">
        {project.challenge.company.name} — {project.challenge.title} · {project.region}
        {project.score !== null &&
          ` · ${t('innovation.portfolio.score', { score: formatScore(project.score, i18n.language) })}`}
      </p>
      <p className="innovation-meta">
        {t('innovation.portfolio.consortium')}: {project.consortium.map((o) => o.name).join(', ')}
      </p>
      <p>
        {t('innovation.portfolio.budgetLine', {
          budget: formatMoney(project.budget, i18n.language),
          cofinanced: formatMoney(cofinanced, i18n.language),
        })}
      </p>
      {project.cofinancing.length > 0 && (
        <ul className="innovation-bullets" aria-label={t('innovation.portfolio.cofinancing')}>
          {project.cofinancing.map((c) => (
            <li key={c.organization.id}>
              {c.organization.name}: {formatMoney(c.amount, i18n.language)}
            </li>
          ))}
        </ul>
      )}
      {project.indicators.length > 0 && (
        <table className="innovation-table">
          <caption className="visually-hidden">{t('innovation.portfolio.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('innovation.portfolio.columns.indicator')}</th>
              <th scope="col">{t('innovation.portfolio.columns.target')}</th>
              <th scope="col">{t('innovation.portfolio.columns.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {project.indicators.map((indicator) => (
              <tr key={indicator.id}>
                <td>{indicator.name}</td>
                <td>
                  {indicator.target} {indicator.unit}
                </td>
                <td>
                  {project.canEdit ? (
                    <label>
                      <span className="visually-hidden">
                        {t('innovation.portfolio.reportedFor', { name: indicator.name })}
                      </span>
                      <input
                        type="number"
                        step="any"
                        value={reported[indicator.id] ?? ''}
                        onChange={(e) =>
                          setReported((r) => ({ ...r, [indicator.id]: e.target.value }))
                        }
                        onBlur={() =>
                          update({
                            indicators: project.indicators.map((i) => ({
                              id: i.id,
                              name: i.name,
                              unit: i.unit,
                              target: i.target,
                              reported:
                                (reported[i.id] ?? '') === '' ? null : Number(reported[i.id]),
                            })),
                          })
                        }
                      />{' '}
                      {indicator.unit}
                    </label>
                  ) : indicator.reported === null ? (
                    '—'
                  ) : (
                    `${indicator.reported} ${indicator.unit}`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="innovation-actions">
        {project.canEdit && (
          <label className="innovation-inline">
            <span>{t('innovation.portfolio.statusLabel')}</span>
            <select
              value={project.status}
              onChange={(e) => update({ status: e.target.value as ProjectStatus })}
            >
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`innovation.projectStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {project.boardId !== null && project.canEdit && (
          <a className="button" href={boardHref(project.groupId, project.boardId)}>
            {t('innovation.portfolio.milestones')}
          </a>
        )}
      </div>
      <FormError error={action.error} />
    </article>
  );
}
