import { smsMessageHref } from '../../../shared/domain/contact-message';
import { normalisePhone } from '../../../shared/domain/phone';
import { whatsAppMessageHref } from '../../../shared/domain/self-report-message';
import type { Alumnus } from '../../../shared/schema';

type Numbers = Pick<Alumnus, 'phone' | 'whatsapp'>;

/**
 * `tel:+62…` for the phone, else the WhatsApp number (it is a phone too); null when
 * there is neither. Stored numbers are already normalised; a row that predates that rule
 * is normalised again rather than dialled as typed.
 */
export function callHref(alumnus: Numbers): string | null {
  const number = international(alumnus.phone) ?? international(alumnus.whatsapp);
  return number === null ? null : `tel:${number}`;
}

/**
 * `https://wa.me/62…?text=…` for the WhatsApp number, else the phone: the chat opens with
 * `message` typed in (see contactMessage), for the officer to edit and send.
 */
export function whatsAppHref(alumnus: Numbers, message: string): string | null {
  const number = international(alumnus.whatsapp) ?? international(alumnus.phone);
  return number === null ? null : whatsAppMessageHref(number, message);
}

/** `sms:+62…?body=…` for the phone, else the WhatsApp number: the SMS opens with `message` typed in. */
export function smsHref(alumnus: Numbers, message: string): string | null {
  return smsMessageHref(international(alumnus.phone) ?? international(alumnus.whatsapp), message);
}

function international(phone: string | null): string | null {
  return phone === null ? null : normalisePhone(phone);
}
