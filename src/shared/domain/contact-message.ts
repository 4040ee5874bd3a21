import type { Gender } from '../schema';
import { normalisePhone } from './phone';

/** The office's name in messages. There is no setting for it yet; every office is a Disnaker. */
export const OFFICE_NAME = 'Disnaker';

export type DayPart = 'pagi' | 'siang' | 'sore' | 'malam';

/**
 * The Indonesian greeting for an hour of the day (0–23) on the officer's device: pagi
 * from 04:00, siang from 11:00, sore from 15:00, malam from 18:00 until the night ends.
 */
export function dayPart(hour: number): DayPart {
  if (hour >= 4 && hour < 11) return 'pagi';
  if (hour >= 11 && hour < 15) return 'siang';
  if (hour >= 15 && hour < 18) return 'sore';
  return 'malam';
}

/** Bapak for a man, Ibu for a woman, and both when the record does not say. */
export function honorific(gender: Gender | null | undefined): string {
  return gender === 'male' ? 'Bapak' : gender === 'female' ? 'Ibu' : 'Bapak/Ibu';
}

/**
 * The ready message an officer's WhatsApp or SMS opens with, in Indonesian whatever
 * language the app speaks (the alumnus reads it). A starting point the officer edits
 * before sending; it asks what a follow-up records and nothing more.
 */
export function contactMessage(person: { name: string; gender?: Gender | null }, hour: number, office: string = OFFICE_NAME): string {
  const name = person.name.trim().replace(/\s+/g, ' ');
  return (
    `Selamat ${dayPart(hour)}, ${honorific(person.gender)} ${name}, kami dari ${office} ingin menanyakan kabar setelah pelatihan: ` +
    'apakah sekarang sudah bekerja, berwirausaha, atau masih mencari kerja? Terima kasih.'
  );
}

/**
 * `sms:+62…?body=<message>`: the phone's messaging app opens the conversation with the
 * message typed in. Null without a usable number.
 */
export function smsMessageHref(phone: string | null, text: string): string | null {
  const number = phone === null ? null : normalisePhone(phone);
  return number === null ? null : `sms:${number}?body=${encodeURIComponent(text)}`;
}
