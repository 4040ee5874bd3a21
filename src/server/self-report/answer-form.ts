import { SELF_REPORT_STATUSES } from '../../shared/api/self-report.api';
import { MONEY_BANDS } from '../../shared/schema';
import { ANSWER_WORDS, BAND_WORDS, answerWord, type AnswerWord } from './answer-words';
import { answerPage, escapeHtml } from './page-layout';

/**
 * What the form shows: the values typed (after a refused send) and the problem of each
 * field; `unreadable` when the send was no form at all (a broken multipart body), so
 * nothing typed came back to show.
 */
export type AnswerFormState = { values: Readonly<Record<string, string>>; problems: Readonly<Record<string, string>>; unreadable?: true };

export const EMPTY_FORM: AnswerFormState = { values: {}, problems: {} };

export const UNREADABLE_FORM: AnswerFormState = { values: {}, problems: {}, unreadable: true };

/**
 * The answer form: a plain HTML form posting urlencoded to its own address, so it works
 * with JavaScript off. Greets by first name only; shows nothing else about the person.
 */
export function answerFormPage(token: string, firstName: string, state: AnswerFormState): string {
  const { values, problems } = state;
  const text = (field: string, label: AnswerWord, max: number, hint?: AnswerWord) => `
<label for="${field}">${escapeHtml(ANSWER_WORDS[label])}</label>
<input type="text" id="${field}" name="${field}" maxlength="${max}" value="${escapeHtml(values[field] ?? '')}"${described(field, hint)}>
${hintOf(field, hint)}${problemOf(field, problems)}`;

  const statuses = SELF_REPORT_STATUSES.map((status) => `
<label class="choice"><input type="radio" id="status-${status}" name="status" value="${status}"${values['status'] === status ? ' checked' : ''} required> ${escapeHtml(ANSWER_WORDS[`status.${status}`])}</label>`).join('');

  const bands = [`<option value="">${escapeHtml(ANSWER_WORDS['band.none'])}</option>`, ...MONEY_BANDS.map((band) =>
    `<option value="${band}"${values['incomeBand'] === band ? ' selected' : ''}>${escapeHtml(BAND_WORDS[band])}</option>`)].join('');

  const summary = state.unreadable === true ? ANSWER_WORDS.unreadable : Object.keys(problems).length > 0 ? ANSWER_WORDS.problems : null;
  const body = `<h1>${escapeHtml(answerWord('greeting', { name: firstName }))}</h1>
<p>${escapeHtml(ANSWER_WORDS.intro)}</p>
${summary === null ? '' : `<p class="problems" role="alert">${escapeHtml(summary)}</p>`}
<form method="post" action="/r/${escapeHtml(token)}">
<fieldset>
<legend>${escapeHtml(ANSWER_WORDS.statusLegend)}</legend>${statuses}
${problemOf('status', problems)}</fieldset>
<fieldset class="details employed">
<legend>${escapeHtml(ANSWER_WORDS.employedLegend)}</legend>
${text('employer', 'employer', 160)}${text('jobTitle', 'jobTitle', 120)}${text('sector', 'sector', 120)}
<label for="incomeBand">${escapeHtml(ANSWER_WORDS.incomeBand)}</label>
<select id="incomeBand" name="incomeBand">${bands}</select>
${problemOf('incomeBand', problems)}</fieldset>
<fieldset class="details business">
<legend>${escapeHtml(ANSWER_WORDS.businessLegend)}</legend>
${text('businessKind', 'businessKind', 120)}
<label for="businessStarted">${escapeHtml(ANSWER_WORDS.businessStarted)}</label>
<input type="month" id="businessStarted" name="businessStarted" placeholder="2024-06" value="${escapeHtml(values['businessStarted'] ?? '')}"${described('businessStarted', 'businessStartedHint')}>
${hintOf('businessStarted', 'businessStartedHint')}${problemOf('businessStarted', problems)}</fieldset>
<label for="notes">${escapeHtml(ANSWER_WORDS.notes)}</label>
<textarea id="notes" name="notes" maxlength="1000">${escapeHtml(values['notes'] ?? '')}</textarea>
${problemOf('notes', problems)}
<p class="hint">${escapeHtml(ANSWER_WORDS.optional)}</p>
<button type="submit">${escapeHtml(ANSWER_WORDS.submit)}</button>
</form>`;
  return answerPage(answerWord('greeting', { name: firstName }), body);
}

function described(field: string, hint: AnswerWord | undefined): string {
  return hint === undefined ? '' : ` aria-describedby="${field}-hint"`;
}

function hintOf(field: string, hint: AnswerWord | undefined): string {
  return hint === undefined ? '' : `<p class="hint" id="${field}-hint">${escapeHtml(ANSWER_WORDS[hint])}</p>\n`;
}

function problemOf(field: string, problems: Readonly<Record<string, string>>): string {
  const code = problems[field];
  if (code === undefined) return '';
  const key: AnswerWord = field === 'status' ? 'problem.status' : code === 'too-long' || code === 'invalid-month' ? `problem.${code}` : 'problem.other';
  return `<p class="problem">${escapeHtml(ANSWER_WORDS[key])}</p>\n`;
}
