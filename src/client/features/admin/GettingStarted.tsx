import { setupComplete, setupProgress, type SetupFacts, type SetupStep } from '../../../shared/domain/setup-steps';
import { useT } from '../../i18n';

const STEP_HREF: Record<SetupStep, string> = { providers: '/admin/providers', vocations: '/admin/vocations', users: '/admin' };

/**
 * A new office's to-do list above every admin section, until providers, vocations and
 * working accounts all exist; then it is gone. Each step links to where it is done.
 */
export function GettingStarted({ facts }: { facts: SetupFacts }) {
  const t = useT();
  const progress = setupProgress(facts);
  if (setupComplete(progress)) return null;
  const activeVocations = facts.vocations.filter((vocation) => !vocation.deleted).length;

  return (
    <section class="card setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('admin.setup.title')}</h2>
      <p>{t('admin.setup.intro')}</p>
      <ol class="setup__steps">
        {progress.map(({ step, done }) => (
          <li key={step} class={done ? 'setup__step setup__step--done' : 'setup__step'}>
            <a href={STEP_HREF[step]}>{t(`admin.setup.${step}`)}</a>
            {' — '}
            <span>{done ? t('admin.setup.done') : t('admin.setup.todo')}</span>
            {step === 'vocations' && activeVocations > 0 && <span class="muted"> {t('admin.setup.vocationCount', { count: activeVocations })}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
