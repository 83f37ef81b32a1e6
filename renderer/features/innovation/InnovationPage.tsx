/**
 * The open-innovation program (issue 14) as one page with five sections: challenges, calls,
 * proposals, evaluation and the project portfolio. What each person sees is what the server
 * answers them; the page only hides actions their role cannot take.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { InnovationSection } from '../../../shared/protocol/route';
import { INNOVATION_SECTIONS } from '../../../shared/protocol/route';
import type { ProgramSummary } from '../../../shared/protocol/innovationApi';
import { innovationApi } from '../../api/innovation';
import { innovationHref } from '../../app/route';
import { FormError } from '../common/Field';
import { CallsSection } from './CallsSection';
import { ChallengesSection } from './ChallengesSection';
import { EvaluationSection } from './EvaluationSection';
import { PortfolioSection } from './PortfolioSection';
import { ProposalsSection } from './ProposalsSection';
import { useLoad } from './useProgram';
import './innovation.css';

export function InnovationPage({ section }: { section: InnovationSection }) {
  const { t } = useTranslation();
  const [load] = useLoad(useCallback((api) => innovationApi.programs(api), []));
  if (load.kind === 'loading') return <p className="view-note">{t('innovation.loading')}</p>;
  if (load.kind === 'failed') {
    return <FormError error={load.error} />;
  }
  const program = load.value.programs[0];
  if (program === undefined) {
    return (
      <section className="empty-state">
        <h1>{t('innovation.title')}</h1>
        <p>{t('innovation.noProgram')}</p>
      </section>
    );
  }
  return (
    <div className="innovation">
      <header className="innovation-header">
        <h1>{program.name}</h1>
        <p className="innovation-role">
          {program.isLead
            ? t('innovation.youLead')
            : program.isMember
              ? t('innovation.youTakePart')
              : t('innovation.youRead')}
        </p>
      </header>
      <nav className="innovation-tabs" aria-label={t('innovation.sections')}>
        {INNOVATION_SECTIONS.map((name) => (
          <a
            key={name}
            href={innovationHref(name)}
            className="innovation-tab"
            aria-current={name === section ? 'page' : undefined}
          >
            {t(`innovation.section.${name}`)}
          </a>
        ))}
      </nav>
      <SectionView section={section} program={program} />
    </div>
  );
}

function SectionView({
  section,
  program,
}: {
  section: InnovationSection;
  program: ProgramSummary;
}) {
  switch (section) {
    case 'desafios':
      return <ChallengesSection program={program} />;
    case 'convocatorias':
      return <CallsSection program={program} />;
    case 'propuestas':
      return <ProposalsSection program={program} />;
    case 'evaluacion':
      return <EvaluationSection program={program} />;
    case 'portafolio':
      return <PortfolioSection program={program} />;
  }
}
