/**
 * Who has this document open now, as avatars in its header (name and organization on hover and
 * for screen readers), read from the room's awareness, where the server writes each person's
 * name, organization and colour from their session.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { useAwarenessPeers, type Peer } from '../../sync/useAwarenessPeers';

export interface PresentPerson {
  key: string;
  name: string;
  organization: string;
  colour: string;
}

/** One avatar per person, however many windows they have open. */
function distinctPeople(peers: readonly Peer[]): PresentPerson[] {
  const byName = new Map<string, PresentPerson>();
  for (const { user } of peers) {
    const key = `${user.name}\u0000${user.organization}`;
    if (!byName.has(key)) byName.set(key, { key, ...user });
  }
  return [...byName.values()];
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();

const SHOWN = 5;

export function DocumentPresence({ awareness }: { awareness: Awareness | null }) {
  const { t } = useTranslation();
  const peers = useAwarenessPeers(awareness);
  const people = useMemo(() => distinctPeople(peers), [peers]);
  if (people.length === 0) return null;
  const hidden = people.length - SHOWN;
  return (
    <ul className="doc-presence" aria-label={t('review.presenceLabel', { count: people.length })}>
      {people.slice(0, SHOWN).map((person) => {
        const label = person.organization
          ? t('review.presencePerson', { name: person.name, organization: person.organization })
          : person.name;
        return (
          <li key={person.key} title={label} aria-label={label}>
            <span
              className="review-avatar"
              aria-hidden="true"
              style={{ background: person.colour }}
            >
              {initials(person.name)}
            </span>
          </li>
        );
      })}
      {hidden > 0 && (
        <li
          className="doc-presence-more"
          title={people
            .slice(SHOWN)
            .map((p) => p.name)
            .join(', ')}
        >
          +{hidden}
        </li>
      )}
    </ul>
  );
}
