import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedBlock, ComparedRun } from '../../../shared/ydoc/versions';
import type { AuthorsByClient } from './useDocumentAuthors';

/**
 * A version, or the comparison of two, as read-only text: inserted runs are <ins>, deleted runs
 * are <del> (so screen readers announce them), headings keep their level and list items their
 * marker. Each inserted run names who wrote it (tooltip, and text after it for screen readers);
 * deleted runs name nobody, since Yjs does not record who deleted.
 */
function Runs({ runs, authors }: { runs: ComparedRun[]; authors: AuthorsByClient }) {
  const { t } = useTranslation();
  const writtenBy = (client: number | undefined) => {
    const author = client === undefined ? undefined : authors.get(client);
    return author === undefined
      ? t('versions.insertedUnknown')
      : t('versions.insertedBy', { name: author.name, organization: author.organization });
  };
  return (
    <>
      {runs.map((run, index) =>
        run.change === 'inserted' ? (
          <Fragment key={index}>
            <ins className="diff-inserted" title={writtenBy(run.client)}>
              {run.text}
            </ins>
            <span className="visually-hidden"> ({writtenBy(run.client)})</span>
          </Fragment>
        ) : run.change === 'deleted' ? (
          <del key={index} className="diff-deleted" title={t('versions.deletedRun')}>
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

function BlockView({ block, authors }: { block: ComparedBlock; authors: AuthorsByClient }) {
  const className = `diff-block diff-block-${block.change}`;
  const leaf = block.path[block.path.length - 1];
  const depth = block.path.filter((name) => name.endsWith('List')).length;
  const runs = <Runs runs={block.runs} authors={authors} />;
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

export function VersionDiff({
  blocks,
  label,
  authors,
}: {
  blocks: ComparedBlock[];
  label: string;
  authors: AuthorsByClient;
}) {
  const { t } = useTranslation();
  return (
    <section className="version-text" aria-label={label}>
      {blocks.length === 0 ? (
        <p className="view-note">{t('versions.emptyText')}</p>
      ) : (
        blocks.map((block, index) => <BlockView key={index} block={block} authors={authors} />)
      )}
    </section>
  );
}
