/**
 * Board filters. Filtering only hides cards: it never changes their order or column, and a
 * move made while a filter is on is computed against the full column (see BoardView).
 */
import type { Card } from '../../../shared/ydoc/boardDoc';

export type DueFilter = 'all' | 'overdue' | 'thisWeek';

export interface CardFilter {
  text: string;
  assignee: string;
  label: string;
  organization: string;
  due: DueFilter;
}

export const NO_FILTER: CardFilter = {
  text: '',
  assignee: '',
  label: '',
  organization: '',
  due: 'all',
};

export function isFiltering(filter: CardFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.assignee !== '' ||
    filter.label !== '' ||
    filter.organization !== '' ||
    filter.due !== 'all'
  );
}

/** `today` as YYYY-MM-DD in local time; due dates are plain dates, compared as strings. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function isOverdue(card: Card, today: string): boolean {
  return card.dueDate !== null && card.dueDate < today;
}

/** Due from today up to the coming Sunday (weeks start on Monday in Peru). */
export function isDueThisWeek(card: Card, now: Date): boolean {
  if (card.dueDate === null) return false;
  const end = new Date(now);
  end.setDate(now.getDate() + ((7 - now.getDay()) % 7));
  return card.dueDate >= isoDay(now) && card.dueDate <= isoDay(end);
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

export function matchesFilter(
  card: Card,
  filter: CardFilter,
  now: Date,
  organizationOf: (person: string) => string,
): boolean {
  if (filter.assignee !== '' && !card.assignees.includes(filter.assignee)) return false;
  if (filter.label !== '' && !card.labels.includes(filter.label as Card['labels'][number]))
    return false;
  if (filter.organization !== '') {
    const orgs = [
      card.responsibleOrg,
      ...card.assignees.map(organizationOf),
      card.fields.miningCompany ?? '',
    ];
    if (!orgs.includes(filter.organization)) return false;
  }
  if (filter.due === 'overdue' && !isOverdue(card, isoDay(now))) return false;
  if (filter.due === 'thisWeek' && !isDueThisWeek(card, now)) return false;
  const text = fold(filter.text.trim());
  if (text !== '') {
    const haystack = fold(
      [
        card.title,
        card.description,
        card.responsibleOrg,
        ...Object.values(card.fields),
        ...card.checklist.map((i) => i.text),
      ].join('\n'),
    );
    if (!haystack.includes(text)) return false;
  }
  return true;
}
