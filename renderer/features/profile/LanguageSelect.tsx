import { Languages } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../i18n';

export function LanguageSelect({ onChange }: { onChange: (language: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id} className="language-label">
        <Languages aria-hidden="true" size={16} />
        <span className="visually-hidden">{t('language.label')}</span>
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) {
            void i18n.changeLanguage(next);
            onChange(next);
          }
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
