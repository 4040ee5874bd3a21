import { describe, expect, it } from 'vitest';
import { contactMessage, dayPart, honorific, OFFICE_NAME, smsMessageHref } from '../../../src/shared/domain/contact-message';
import { whatsAppMessageHref } from '../../../src/shared/domain/self-report-message';

describe('the ready contact message', () => {
  it('greets by the hour on the device: pagi, siang, sore, malam', () => {
    const byHour = Array.from({ length: 24 }, (_, hour) => dayPart(hour));
    expect(byHour.slice(0, 4)).toEqual(['malam', 'malam', 'malam', 'malam']);
    expect(byHour.slice(4, 11).every((part) => part === 'pagi')).toBe(true);
    expect(byHour.slice(11, 15).every((part) => part === 'siang')).toBe(true);
    expect(byHour.slice(15, 18).every((part) => part === 'sore')).toBe(true);
    expect(byHour.slice(18).every((part) => part === 'malam')).toBe(true);
  });

  it('says Bapak for a man, Ibu for a woman, Bapak/Ibu when the record does not say', () => {
    expect([honorific('male'), honorific('female'), honorific(null), honorific(undefined)]).toEqual(['Bapak', 'Ibu', 'Bapak/Ibu', 'Bapak/Ibu']);
  });

  it('opens with the greeting, the person and the office', () => {
    expect(contactMessage({ name: 'Siti  Aminah ', gender: 'female' }, 9)).toBe(
      'Selamat pagi, Ibu Siti Aminah, kami dari Disnaker ingin menanyakan kabar setelah pelatihan: ' +
        'apakah sekarang sudah bekerja, berwirausaha, atau masih mencari kerja? Terima kasih.',
    );
    expect(contactMessage({ name: 'Budi', gender: 'male' }, 13)).toMatch(/^Selamat siang, Bapak Budi, kami dari Disnaker /);
    expect(contactMessage({ name: 'Rina' }, 16, 'Disnaker Bontang')).toMatch(/^Selamat sore, Bapak\/Ibu Rina, kami dari Disnaker Bontang /);
    expect(contactMessage({ name: 'Andi', gender: 'male' }, 22)).toMatch(/^Selamat malam, /);
    expect(OFFICE_NAME).toBe('Disnaker');
  });

  it('goes into wa.me?text= and sms:?body= encoded, and SMS needs a number', () => {
    const text = contactMessage({ name: 'Siti & Co', gender: 'female' }, 9);
    const sms = smsMessageHref('0812-1111-0001', text);
    expect(sms).toBe(`sms:+6281211110001?body=${encodeURIComponent(text)}`);
    expect(decodeURIComponent(new URL(sms ?? '').search.slice('?body='.length))).toBe(text);
    expect(smsMessageHref(null, text)).toBeNull();
    expect(smsMessageHref('12', text)).toBeNull();
    expect(new URL(whatsAppMessageHref('+6281211110001', text)).searchParams.get('text')).toBe(text);
  });
});
