import type { ComponentChildren } from 'preact';
import { useT, type MessageKey } from '../i18n';

/** A screen that is routed and titled but whose content comes with a later version. */
export function PlaceholderScreen({ title, children }: { title: MessageKey; children?: ComponentChildren }) {
  const t = useT();
  return (
    <section class="screen">
      <h1>{t(title)}</h1>
      {children}
      <p class="muted">{t('app.placeholder')}</p>
    </section>
  );
}
