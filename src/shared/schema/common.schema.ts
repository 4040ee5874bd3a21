import * as v from 'valibot';
import { isCalendarDate } from '../domain/dates';
import { normalisePhone } from '../domain/phone';
import { plainText } from '../domain/spreadsheet-text';

/**
 * Client-made UUIDs: records are created offline, so the server never assigns ids. Lower
 * case only, as every browser and Node make them: ids are stored as text, where the same
 * id in upper case would be a second record and never find the first.
 */
export const IdSchema = v.pipe(v.string('invalid-type'), v.regex(/^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/, 'invalid-id'));

export const IsoDateSchema = v.pipe(
  v.string('invalid-type'),
  v.check(isCalendarDate, 'invalid-date'),
);

export const IsoDateTimeSchema = v.pipe(
  v.string('invalid-type'),
  v.isoTimestamp('invalid-datetime'),
  // valibot accepts offsets such as `+08` that Date.parse cannot read; every stored
  // instant must be readable by the code that compares them.
  v.check((value) => !Number.isNaN(Date.parse(value)), 'invalid-datetime'),
  v.check(isRealDayWithT, 'invalid-datetime'),
);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date.parse rolls 30 February over to 2 March, and a space for the `T` would store text
 * that no longer sorts in time order beside the others. Read off the character codes of
 * a text isoTimestamp has already shaped (`YYYY-MM-DD?hh…`, month 01–12, day 01–31):
 * every pulled record has two of these, and a phone checks tens of thousands at once.
 */
function isRealDayWithT(value: string): boolean {
  if (value.charCodeAt(10) !== 84 /* T */) return false;
  const digit = (index: number) => value.charCodeAt(index) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can), and a query naming it fails there:
 * free text refuses it everywhere, so both stores accept the same records.
 */
export function storableText() {
  return v.check((text: string) => !text.includes('\u0000'), 'invalid-character');
}

/** Trimmed text without control characters (`plainText`), required, at most `max` characters. */
export function requiredText(max: number) {
  return v.pipe(
    v.string('invalid-type'),
    storableText(),
    v.transform(plainText),
    v.trim(),
    v.minLength(1, 'required'),
    v.maxLength(max, 'too-long'),
  );
}

/** Trimmed text without control characters that may be empty. */
export function optionalText(max: number) {
  return v.pipe(v.string('invalid-type'), storableText(), v.transform(plainText), v.trim(), v.maxLength(max, 'too-long'));
}

export function choice<const T extends readonly [string, ...string[]]>(options: T) {
  return v.picklist(options, 'invalid-choice');
}

/** An Indonesian phone number, stored as `+62…`; parsing a stored value again is a no-op. */
export const PhoneSchema = v.pipe(
  v.string('invalid-type'),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const phone = normalisePhone(dataset.value);
    if (phone === null) {
      addIssue({ message: 'phone-invalid' });
      return NEVER;
    }
    return phone;
  }),
);

/** Fields every synced record carries. */
export const RecordFields = {
  id: IdSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
};

/** Records that may be deleted keep a tombstone so the deletion syncs. */
export const DeletableFields = {
  ...RecordFields,
  deleted: v.boolean('invalid-type'),
};
