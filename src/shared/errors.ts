/**
 * Error codes both sides use. Schemas put a code (never prose) in an issue's message;
 * the server turns a code into English with `describeError`, the client into the
 * user's language through its i18n dictionaries (which must cover every code: a missing
 * one is a type error there).
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid-type',
  'too-long',
  'invalid-date',
  'invalid-datetime',
  'invalid-id',
  'invalid-character',
  'invalid-choice',
  'out-of-range',
  'nik-format',
  'nik-length',
  'nik-province',
  'nik-birth-date',
  'nik-belongs-to-other',
  'phone-invalid',
  'email-invalid',
  'username-format',
  'provider-required',
  'provider-not-allowed',
  'status-required',
  'status-not-allowed',
  'reason-required',
  'dates-out-of-order',
  'password-too-short',
  'password-too-long',
  'password-contains-username',
  'password-too-simple',
  'password-common',
  'invalid-token',
  'invalid-month',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const REQUEST_ERROR_CODES = [
  'malformed-json',
  'invalid-body',
  'not-found',
  'method-not-allowed',
  'too-large',
  'not-a-demo-database',
  'unauthenticated',
  'session-expired',
  'invalid-credentials',
  'account-deactivated',
  'rate-limited',
  'cross-origin',
  'unsupported-media-type',
  'forbidden',
  'password-change-required',
  'out-of-scope',
  'username-taken',
  'self-demotion',
  'conflict',
  'link-gone',
  'update-required',
  'unknown-mutation',
  'constraint-violation',
  'failed-repeatedly',
  'superseded',
  'unavailable',
  'internal',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

export type ErrorCode = FieldErrorCode | RequestErrorCode;

const EN: Record<ErrorCode, string> = {
  required: 'is required',
  'invalid-type': 'has the wrong type',
  'too-long': 'is too long',
  'invalid-date': 'must be a calendar date written YYYY-MM-DD',
  'invalid-datetime': 'must be an ISO date-time such as 2024-08-31T09:00:00.000Z',
  'invalid-id': 'must be a UUID in lower case',
  'invalid-character': 'contains a character that cannot be stored',
  'invalid-choice': 'is not one of the allowed values',
  'out-of-range': 'is out of range',
  'nik-format': 'NIK may contain digits only',
  'nik-length': 'NIK must have exactly 16 digits',
  'nik-province': 'NIK digits 1–2 (province code) cannot be 00',
  'nik-birth-date':
    'NIK digits 7–12 must be a birth date DDMMYY (day + 40 for women)',
  'nik-belongs-to-other': 'this NIK belongs to someone else; check it',
  'phone-invalid': 'must be an Indonesian phone number such as 0812-3456-7890',
  'email-invalid': 'must be an email address such as nama@contoh.id',
  'username-format': 'may use 3–32 lowercase letters, digits, dots, dashes or underscores',
  'provider-required': 'provider staff must belong to a provider',
  'provider-not-allowed': 'only provider staff belong to a provider',
  'password-too-short': 'must have at least 10 characters',
  'password-too-long': 'must have at most 200 characters',
  'password-contains-username': 'must not contain the username',
  'password-too-simple': 'must use at least 5 different characters',
  'password-common': 'is one of the most common passwords; choose another',
  'invalid-token': 'is not a link token (22 or more letters, digits, - or _)',
  'invalid-month': 'must be a month written YYYY-MM',
  'status-required': 'a reached contact must record the status found',
  'status-not-allowed': 'an unreached contact cannot record a status',
  'reason-required': 'the reason is required',
  'dates-out-of-order': 'the end date is before the start date',
  'malformed-json': 'the request body is not valid JSON',
  'invalid-body': 'the request body is invalid',
  'not-found': 'not found',
  'too-large': 'the request body is too large',
  'not-a-demo-database': 'this database already holds data that is not the demo data set',
  unauthenticated: 'sign in first',
  'session-expired': 'the session has expired; sign in again',
  'invalid-credentials': 'wrong username or password',
  'account-deactivated': 'this account has been deactivated',
  'rate-limited': 'too many failed sign-ins; try again later',
  'cross-origin': 'requests that change data must come from this site',
  'unsupported-media-type': 'requests that change data must send JSON',
  'method-not-allowed': 'this address does not take that method',
  forbidden: 'your role may not do this',
  'password-change-required': 'choose your own password first',
  'out-of-scope': 'this record belongs to another provider',
  'username-taken': 'this username is already taken',
  'self-demotion': 'admins cannot deactivate themselves or give up their own admin role',
  conflict: 'the record was changed by someone else meanwhile',
  'link-gone': 'this link was already used, withdrawn or has expired',
  'update-required': 'this version of the app is too old for the server; update the app (your queued changes are kept)',
  'unknown-mutation': 'the server does not know this kind of change; update the app',
  'constraint-violation': 'the database cannot store this change as it is (a value is out of range or breaks a rule); it was set aside so the changes after it could be sent',
  'failed-repeatedly': 'the server failed to apply this change several times; it was set aside so the changes after it could be sent',
  superseded: 'someone else changed this field later; their value was kept and yours stays in the field history',
  unavailable: 'the server is busy or briefly unavailable; your changes are kept and sent again shortly',
  internal: 'something went wrong on the server',
};

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(EN, value);
}

/** English words for a code; an unknown message is passed through unchanged. */
export function describeError(codeOrMessage: string): string {
  return isErrorCode(codeOrMessage) ? EN[codeOrMessage] : codeOrMessage;
}
