import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedBlock, ComparedRun } from '../../../shared/ydoc/versions';

/**
 * A version, or the comparison of two, as read-only text: inserted runs are <ins>, deleted runs
 * are <del> (so screen readers announce them), headings keep their level and list items their
 * marker.
 */
function Runs({ runs }: { runs: ComparedRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.change === 'inserted' ? (
          <ins key={index} className="diff-inserted">
            {run.text}
          </ins>
        ) : run.change === 'deleted' ? (
          <del key={index} className="diff-deleted">
            {run.text}
          </del>
        ) : (
          <Fragment key={index}>{run.text}</Fragment>
        ),
      )}
    </>
  );
}

function marker(block: ComparedBlock): string {
  if (block.path.includes('taskItem')) return block.attributes.checked === true ? '☑' : '☐';
  if (block.ordinal !== undefined) return `${block.ordinal}.`;
  if (block.path.includes('bulletList')) return '•';
  return '';
}

function BlockView({ block }: { block: ComparedBlock }) {
  const className = `diff-block diff-block-${block.change}`;
  const leaf = block.path[block.path.length - 1];
  const depth = block.path.filter((name) => name.endsWith('List')).length;
  const runs = <Runs runs={block.runs} />;
  if (leaf === 'heading') {
    const level = Number(block.attributes.level ?? 1);
    const Heading = level === 1 ? 'h2' : level === 2 ? 'h3' : 'h4';
    return <Heading className={className}>{runs}</Heading>;
  }
  const bullet = marker(block);
  const inTable = block.path.includes('table');
  return (
    <p
      className={`${className}${inTable ? ' diff-cell' : ''}`}
      style={depth > 0 ? { paddingInlineStart: `${depth * 1.25}rem` } : undefined}
    >
      {bullet !== '' && <span aria-hidden="true">{bullet} </span>}
      {runs}
    </p>
  );
}

export function VersionDiff({ blocks, label }: { blocks: ComparedBlock[]; label: string }) {
  const { t } = useTranslation();
  return (
    <section className="version-text" aria-label={label}>
      {blocks.length === 0 ? (
        <p className="view-note">{t('versions.emptyText')}</p>
      ) : (
        blocks.map((block, index) => <BlockView key={index} block={block} />)
      )}
    </section>
  );
}
