import { useId, useState } from 'preact/hooks';
import { formatPhone } from '../../../shared/domain/phone';
import type { Alumnus } from '../../../shared/schema';
import { useAlumnusWords } from './alumnus-words';
import { ContactForm, type ContactFormEnd } from './ContactForm';

/**
 * Phone, WhatsApp and address, as links an officer taps to call or chat; for the roles
 * that may correct them, a button that turns the list into the form.
 */
export function ContactSection({ alumnus, editable }: { alumnus: Alumnus; editable: boolean }) {
  const w = useAlumnusWords();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [ended, setEnded] = useState<ContactFormEnd | null>(null);

  const finish = (end: ContactFormEnd | null) => {
    setEnded(end);
    setEditing(false);
  };

  return (
    <section class="alumnus__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{w('contact.title')}</h2>
      {editing ? (
        <ContactForm alumnus={alumnus} onEnd={finish} onCancel={() => finish(null)} />
      ) : (
        <>
          <dl class="facts">
            <dt>{w('contact.phone')}</dt>
            <dd>{alumnus.phone === null ? w('empty') : <a href={`tel:${alumnus.phone}`}>{formatPhone(alumnus.phone)}</a>}</dd>
            <dt>{w('contact.whatsapp')}</dt>
            <dd>
              {alumnus.whatsapp === null ? (
                w('empty')
              ) : (
                // wa.me wants the number without its plus sign.
                <a href={`https://wa.me/${alumnus.whatsapp.replace(/^\+/, '')}`} target="_blank" rel="noopener noreferrer">
                  {formatPhone(alumnus.whatsapp)}
                </a>
              )}
            </dd>
            <dt>{w('contact.address')}</dt>
            <dd class="alumnus__address">{alumnus.address || w('empty')}</dd>
          </dl>
          <p role="status" class={ended === null ? 'visually-hidden' : 'notice notice--success'}>
            {ended === 'saved' && w('contact.saved')}
            {ended === 'unchanged' && w('contact.unchanged')}
          </p>
          {editable && (
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setEnded(null);
                setEditing(true);
              }}
            >
              {w('contact.edit')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
