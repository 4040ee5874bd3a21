import { dateInZone } from './dates';
import { normalisePhone } from './phone';
import { firstName } from './self-report';

const LONG_DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The WhatsApp message that carries a personal answer link, in Indonesian whatever
 * language the officer's app speaks: it is read by the alumnus. It greets by first name
 * only (a forwarded message tells no more), says why in one line, gives the last day
 * the link works (the office's calendar day) and asks that it not be passed on.
 */
export function selfReportMessage(link: { fullName: string; url: string; expiresAt: string }): string {
  const name = firstName(link.fullName);
  const until = LONG_DATE.format(new Date(`${dateInZone(link.expiresAt)}T00:00:00Z`));
  return [
    `Halo${name === '' ? '' : ` ${name}`}, kami dari Dinas Ketenagakerjaan ingin tahu kabar Anda setelah pelatihan: sudah bekerja, berwirausaha, atau masih mencari kerja?`,
    `Mohon isi lewat tautan pribadi ini (sekitar 1 menit, berlaku sampai ${until}):`,
    link.url,
    'Tautan ini khusus untuk Anda, mohon tidak dibagikan. Terima kasih.',
  ].join('\n');
}

/**
 * `https://wa.me/<62…>?text=<message>`: WhatsApp opens the person's chat with the
 * message typed in, ready to send. wa.me wants the international number's digits
 * without the plus. With no usable number the link still opens WhatsApp, which then
 * asks whom to send the message to.
 */
export function whatsAppMessageHref(phone: string | null, text: string): string {
  const number = phone === null ? null : normalisePhone(phone);
  return `https://wa.me/${number === null ? '' : number.slice(1)}?text=${encodeURIComponent(text)}`;
}
