import { LANGUAGES, LANGUAGE_NAMES, isLanguage, useLanguage, useT } from '../i18n';

export function LanguageSelect() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <label class="language">
      <span class="visually-hidden">{t('language.label')}</span>
      <select
        value={language}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isLanguage(next)) setLanguage(next);
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
