import { describe, expect, it } from 'vitest';
import { selfReportUrl } from '../../../src/shared/domain/self-report';
import { selfReportMessage, whatsAppMessageHref } from '../../../src/shared/domain/self-report-message';

const LINK = 'https://jejak.example.go.id/r/AbCdEfGhIjKlMnOpQrStUvWx';

describe('selfReportMessage', () => {
  it('greets by first name only and carries the link and its last day', () => {
    const text = selfReportMessage({ fullName: '  Siti   Aminah Rahayu ', url: LINK, expiresAt: '2027-01-04T03:00:00.000Z' });
    expect(text.split('\n')).toEqual([
      'Halo Siti, kami dari Dinas Ketenagakerjaan ingin tahu kabar Anda setelah pelatihan: sudah bekerja, berwirausaha, atau masih mencari kerja?',
      'Mohon isi lewat tautan pribadi ini (sekitar 1 menit, berlaku sampai 4 Januari 2027):',
      LINK,
      'Tautan ini khusus untuk Anda, mohon tidak dibagikan. Terima kasih.',
    ]);
    expect(text).not.toContain('Aminah');
  });

  it.each([
    ['late evening UTC is the next day in the office', '2027-01-04T17:00:00.000Z', '5 Januari 2027'],
    ['just before midnight in the office', '2027-01-04T15:59:00.000Z', '4 Januari 2027'],
  ])('names the office calendar day: %s', (_label, expiresAt, day) => {
    expect(selfReportMessage({ fullName: 'Budi', url: LINK, expiresAt })).toContain(`berlaku sampai ${day})`);
  });

  it('still reads without a name', () => {
    expect(selfReportMessage({ fullName: '  ', url: LINK, expiresAt: '2027-01-04T03:00:00.000Z' })).toMatch(/^Halo, kami/);
  });
});

describe('whatsAppMessageHref', () => {
  it.each([
    ['+6281234567890', 'https://wa.me/6281234567890?text='],
    ['0812-3456-7890', 'https://wa.me/6281234567890?text='],
    ['not a number', 'https://wa.me/?text='],
    [null, 'https://wa.me/?text='],
  ])('%s → %s…', (phone, start) => {
    expect(whatsAppMessageHref(phone, 'x')).toBe(`${start}x`);
  });

  it('encodes the message so the link survives line breaks, ampersands and the link inside', () => {
    const text = `Halo & selamat\n${LINK}?a=1`;
    const href = whatsAppMessageHref('+6281234567890', text);
    expect(new URL(href).searchParams.get('text')).toBe(text);
  });
});

describe('selfReportUrl', () => {
  it.each([
    ['https://jejak.example.go.id', 'https://jejak.example.go.id/r/tok'],
    ['https://jejak.example.go.id/', 'https://jejak.example.go.id/r/tok'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/r/tok'],
  ])('%s', (origin, url) => {
    expect(selfReportUrl(origin, 'tok')).toBe(url);
  });
});
