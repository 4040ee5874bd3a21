import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { SelfReportAnswerSchema } from '../../shared/api/self-report.api';
import { toFieldIssues } from '../../shared/schema';
import type { Clock } from '../auth/context';
import { DomainError } from '../errors';
import { clientAddress } from '../http/request-origin';
import { ANSWER_CSS } from '../self-report/answer-css';
import { EMPTY_FORM, UNREADABLE_FORM, answerFormPage, type AnswerFormState } from '../self-report/answer-form';
import { answerSelfReport, openLink } from '../self-report/answer-self-report';
import { ANSWER_WORDS, answerWord } from '../self-report/answer-words';
import { ANSWER_CSS_PATH, messagePage } from '../self-report/page-layout';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type PageDeps = { db: Kysely<Database>; clock: Clock; trustProxy: boolean };

/** Well above anything the form's maxlengths let a browser send, even percent-encoded; the JSON answer's limit too. */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** The form's fields; anything else a browser sends is ignored. */
const FORM_FIELDS = ['status', 'employer', 'jobTitle', 'sector', 'incomeBand', 'businessKind', 'businessStarted', 'notes'] as const;
/** Selects and the month input send '' for "none". */
const EMPTY_IS_NULL = new Set<string>(['incomeBand', 'businessStarted']);

/**
 * The answer page an alumnus opens from their message, `/r/<token>`: server-rendered
 * HTML, no session, no script. GET shows the form; the form POSTs urlencoded to the same
 * address and gets the thank-you page (201), or the form again with its problems (400),
 * also when the body is no readable form. Unknown, used and guessing-limited links and
 * bodies over the limit get a page saying so, with 404, 410, 429 or 413: whatever is
 * sent, the person sees a page, never an API error.
 */
export function selfReportPageRoutes({ db, clock, trustProxy }: PageDeps): Hono {
  return new Hono()
    .use('/r/*', bodyLimit({ maxSize: MAX_ANSWER_BYTES, onError: (c) => html(c, messagePage(ANSWER_WORDS.tooLongTitle, ANSWER_WORDS.tooLong), 413) }))
    .get(ANSWER_CSS_PATH, (c) => c.body(ANSWER_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }))
    .get('/r/:token', async (c) => {
      const { firstName } = await openLink(db, c.req.param('token'), clientAddress(c, trustProxy), clock());
      return html(c, answerFormPage(c.req.param('token'), firstName, EMPTY_FORM), 200);
    })
    .post('/r/:token', async (c) => {
      const token = c.req.param('token');
      const now = clock();
      const open = await openLink(db, token, clientAddress(c, trustProxy), now);
      const values = await readForm(c);
      if (values === null) return html(c, answerFormPage(token, open.firstName, UNREADABLE_FORM), 400);
      const parsed = v.safeParse(SelfReportAnswerSchema, answerInput(values));
      if (!parsed.success) {
        const problems = Object.fromEntries(toFieldIssues(parsed.issues).map(({ path, code }) => [path, code]));
        return html(c, answerFormPage(token, open.firstName, { values, problems } satisfies AnswerFormState), 400);
      }
      await answerSelfReport(db, open.tokenHash, parsed.output, now);
      return html(c, messagePage(ANSWER_WORDS.thanksTitle, answerWord('thanks', { name: open.firstName }), ANSWER_WORDS.thanksClose), 201);
    })
    .onError((error, c) => {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'link-gone') {
        const answered = (error.details as { state?: string } | undefined)?.state === 'answered';
        return html(c, answered ? messagePage(ANSWER_WORDS.answeredTitle, ANSWER_WORDS.answered) : messagePage(ANSWER_WORDS.goneTitle, ANSWER_WORDS.gone), 410);
      }
      if (error.code === 'rate-limited') {
        const seconds = (error.details as { retryAfterSeconds: number }).retryAfterSeconds;
        const page = messagePage(ANSWER_WORDS.limitedTitle, answerWord('limited', { minutes: String(Math.ceil(seconds / 60)) }));
        return html(c, page, 429, { 'Retry-After': String(seconds) });
      }
      if (error.code === 'not-found') return html(c, messagePage(ANSWER_WORDS.notFoundTitle, ANSWER_WORDS.notFound), 404);
      throw error;
    });
}

/**
 * The token is in the address: no Referer may carry it anywhere, no cache may keep the
 * page, no search engine may list it.
 */
function html(c: Context, body: string, status: 200 | 201 | 400 | 404 | 410 | 413 | 429, headers: Record<string, string> = {}): Response {
  return c.html(body, status, {
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex',
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ...headers,
  });
}

/**
 * The form's fields as sent, or null when the body is no form that can be read (multipart
 * without a boundary, or cut off): an answer to give the person, not a server fault.
 */
async function readForm(c: Context): Promise<Record<string, string> | null> {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody();
  } catch (error) {
    // The fetch standard's formData() rejects an unparsable body with a TypeError; anything else is a real fault.
    if (error instanceof TypeError) return null;
    throw error;
  }
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

function answerInput(values: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, EMPTY_IS_NULL.has(field) && value.trim() === '' ? null : value]));
}
