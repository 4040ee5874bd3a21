import { useId, useState } from 'preact/hooks';
import { contactMessage } from '../../../shared/domain/contact-message';
import { formatPhone } from '../../../shared/domain/phone';
import type { Alumnus } from '../../../shared/schema';
import { smsHref, whatsAppHref } from '../worklist/contact-links';
import { useAlumnusWords } from './alumnus-words';
import { ContactForm, type ContactFormEnd } from './ContactForm';

/**
 * Phone, WhatsApp and address, as links an officer taps to call or chat, and WhatsApp and
 * SMS buttons that open with a ready message (contactMessage, greeted by this device's
 * hour) to edit and send; for the roles that may correct them, a button that turns the
 * list into the form.
 */
export function ContactSection({ alumnus, editable }: { alumnus: Alumnus; editable: boolean }) {
  const w = useAlumnusWords();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [ended, setEnded] = useState<ContactFormEnd | null>(null);
  const message = contactMessage(alumnus, new Date().getHours());
  const chat = whatsAppHref(alumnus, message);
  const sms = smsHref(alumnus, message);

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
                formatPhone(alumnus.whatsapp)
              )}
            </dd>
            <dt>{w('contact.address')}</dt>
            <dd class="alumnus__address">{alumnus.address || w('empty')}</dd>
            <dt>{w('contact.regency')}</dt>
            <dd>{alumnus.regency || w('empty')}</dd>
            <dt>{w('contact.province')}</dt>
            <dd>{alumnus.province || w('empty')}</dd>
            <dt>{w('contact.email')}</dt>
            <dd>{alumnus.email === '' ? w('empty') : <a href={`mailto:${alumnus.email}`}>{alumnus.email}</a>}</dd>
          </dl>
          {(chat !== null || sms !== null) && (
            <p class="alumnus__message-actions">
              {chat !== null && (
                <a class="button button--secondary" href={chat} target="_blank" rel="noopener noreferrer">
                  {w('contact.sendWhatsApp')}
                </a>
              )}
              {sms !== null && (
                <a class="button button--secondary" href={sms}>
                  {w('contact.sendSms')}
                </a>
              )}
            </p>
          )}
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
