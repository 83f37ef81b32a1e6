import { Search, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/ydoc/boardDoc';
import { isFiltering, NO_FILTER, type CardFilter, type DueFilter } from './filterCards';

export interface BoardFiltersProps {
  filter: CardFilter;
  onChange: (filter: CardFilter) => void;
  assignees: string[];
  labels: Label[];
  organizations: string[];
  shown: number;
  total: number;
}

export function BoardFilters({
  filter,
  onChange,
  assignees,
  labels,
  organizations,
  shown,
  total,
}: BoardFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<CardFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="board-filters" role="search" aria-label={t('boards.filters.label')}>
      <label className="filter-search">
        <Search aria-hidden="true" size={15} />
        <input
          type="search"
          aria-label={t('boards.filters.search')}
          placeholder={t('boards.filters.searchPlaceholder')}
          value={filter.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      </label>
      <select
        aria-label={t('boards.filters.assignee')}
        value={filter.assignee}
        onChange={(e) => set({ assignee: e.target.value })}
      >
        <option value="">{t('boards.filters.anyAssignee')}</option>
        {assignees.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('boards.filters.label_')}
        value={filter.label}
        onChange={(e) => set({ label: e.target.value })}
      >
        <option value="">{t('boards.filters.anyLabel')}</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('boards.filters.organization')}
        value={filter.organization}
        onChange={(e) => set({ organization: e.target.value })}
      >
        <option value="">{t('boards.filters.anyOrganization')}</option>
        {organizations.map((org) => (
          <option key={org} value={org}>
            {org}
          </option>
        ))}
      </select>
      <select
        aria-label={t('boards.filters.due')}
        value={filter.due}
        onChange={(e) => set({ due: e.target.value as DueFilter })}
      >
        <option value="all">{t('boards.filters.anyDue')}</option>
        <option value="overdue">{t('boards.filters.overdue')}</option>
        <option value="thisWeek">{t('boards.filters.thisWeek')}</option>
      </select>
      {isFiltering(filter) && (
        <>
          <span className="filter-count" role="status">
            {t('boards.filters.showing', { count: shown, total })}
          </span>
          <button type="button" className="text-button" onClick={() => onChange(NO_FILTER)}>
            <X aria-hidden="true" size={14} />
            {t('boards.filters.clear')}
          </button>
        </>
      )}
    </div>
  );
}
