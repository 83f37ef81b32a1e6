import { useId, useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CARET_COLOURS, type Profile } from '../../../shared/model/profile';

type FieldError = 'nameRequired' | 'nameTooLong' | 'organizationTooLong';

function validate(profile: Profile): { name?: FieldError; organization?: FieldError } {
  const name = profile.name.trim();
  const organization = profile.organization.trim();
  return {
    name: name.length === 0 ? 'nameRequired' : name.length > 80 ? 'nameTooLong' : undefined,
    organization: organization.length > 120 ? 'organizationTooLong' : undefined,
  };
}

export interface ProfileFormProps {
  initial: Profile | null;
  submitLabel: string;
  onSubmit: (profile: Profile) => void;
  children?: ReactNode;
}

export function ProfileForm({ initial, submitLabel, onSubmit, children }: ProfileFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [organization, setOrganization] = useState(initial?.organization ?? '');
  const [colour, setColour] = useState<string>(initial?.colour ?? CARET_COLOURS[0]);
  const [errors, setErrors] = useState<ReturnType<typeof validate>>({});
  const ids = { name: useId(), org: useId(), nameError: useId(), orgError: useId(), colour: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const profile = { name: name.trim(), organization: organization.trim(), colour };
    const found = validate(profile);
    setErrors(found);
    if (found.name === undefined && found.organization === undefined) onSubmit(profile);
  };

  return (
    <form onSubmit={submit} noValidate className="profile-form">
      <div className="field">
        <label htmlFor={ids.name}>{t('profile.name')}</label>
        <input
          id={ids.name}
          value={name}
          autoComplete="name"
          autoFocus
          aria-invalid={errors.name !== undefined}
          aria-describedby={errors.name !== undefined ? ids.nameError : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {errors.name !== undefined && (
          <p id={ids.nameError} className="field-error" role="alert">
            {t(`profile.${errors.name}`)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.org}>{t('profile.organization')}</label>
        <input
          id={ids.org}
          value={organization}
          autoComplete="organization"
          aria-invalid={errors.organization !== undefined}
          aria-describedby={errors.organization !== undefined ? ids.orgError : undefined}
          onChange={(event) => setOrganization(event.target.value)}
        />
        {errors.organization !== undefined && (
          <p id={ids.orgError} className="field-error" role="alert">
            {t(`profile.${errors.organization}`)}
          </p>
        )}
      </div>
      <div className="field colour-field">
        <span id={ids.colour} className="field-label">{t('profile.colour')}</span>
        <div role="radiogroup" aria-labelledby={ids.colour} className="colour-options">
          {CARET_COLOURS.map((value, index) => (
            <label key={value} className="colour-option" style={{ '--swatch': value } as CSSProperties}>
              <input
                type="radio"
                name="colour"
                value={value}
                checked={colour === value}
                aria-label={t(`profile.colours.${index}`)}
                onChange={() => setColour(value)}
              />
              <span className="colour-swatch" aria-hidden="true" />
            </label>
          ))}
        </div>
      </div>
      <div className="dialog-actions">
        {children}
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
