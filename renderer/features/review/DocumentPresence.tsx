/**
 * Who has this document open now, as avatars in its header (name and organization on hover and
 * for screen readers), read from the room's awareness, where the server writes each person's
 * name, organization and colour from their session.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';

export interface PresentPerson {
  key: string;
  name: string;
  organization: string;
  colour: string;
}

function readPeople(awareness: Awareness): PresentPerson[] {
  const byName = new Map<string, PresentPerson>();
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const user = (state as { user?: Record<string, unknown> }).user;
    if (user === undefined || typeof user.name !== 'string') return;
    const organization = typeof user.organization === 'string' ? user.organization : '';
    const colour =
      typeof user.colour === 'string'
        ? user.colour
        : typeof user.color === 'string'
          ? user.color
          : '#5b6068';
    // One avatar per person, however many windows they have open.
    const key = `${user.name}\u0000${organization}`;
    if (!byName.has(key)) byName.set(key, { key, name: user.name, organization, colour });
  });
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

class PeopleStore {
  private key = '';
  private people: PresentPerson[] = [];
  constructor(private readonly awareness: Awareness | null) {}
  subscribe = (notify: () => void) => {
    const awareness = this.awareness;
    if (awareness === null) return () => undefined;
    awareness.on('change', notify);
    return () => awareness.off('change', notify);
  };
  getSnapshot = (): PresentPerson[] => {
    if (this.awareness === null) return this.people;
    const people = readPeople(this.awareness);
    const key = JSON.stringify(people);
    if (key !== this.key) {
      this.key = key;
      this.people = people;
    }
    return this.people;
  };
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
  const store = useMemo(() => new PeopleStore(awareness), [awareness]);
  const people = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
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
