import { normalisePhone } from '../../../shared/domain/phone';
import type { Alumnus } from '../../../shared/schema';

/**
 * `tel:+62…` for the phone, else the WhatsApp number (it is a phone too); null when
 * there is neither. Stored numbers are already normalised; a row that predates that rule
 * is normalised again rather than dialled as typed.
 */
export function callHref(alumnus: Pick<Alumnus, 'phone' | 'whatsapp'>): string | null {
  const number = international(alumnus.phone) ?? international(alumnus.whatsapp);
  return number === null ? null : `tel:${number}`;
}

/** `https://wa.me/62…` (wa.me wants the digits without the plus) for the WhatsApp number, else the phone. */
export function whatsAppHref(alumnus: Pick<Alumnus, 'phone' | 'whatsapp'>): string | null {
  const number = international(alumnus.whatsapp) ?? international(alumnus.phone);
  return number === null ? null : `https://wa.me/${number.slice(1)}`;
}

function international(phone: string | null): string | null {
  return phone === null ? null : normalisePhone(phone);
}
