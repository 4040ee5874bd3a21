import { ANSWER_WORDS } from './answer-words';

/** Where the answer page's style sheet is served: a same-origin file, as a strict CSP wants. */
export const ANSWER_CSS_PATH = '/r/answer.css';

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A whole answer page around `body` (already HTML). No script and no inline style: the
 * page works with JavaScript off and passes a CSP of `default-src 'none'; style-src 'self'`.
 */
export function answerPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(ANSWER_WORDS.title)}</title>
<link rel="stylesheet" href="${ANSWER_CSS_PATH}">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A page that only says something: thanks, a used or unknown link. */
export function messagePage(title: string, ...paragraphs: string[]): string {
  return answerPage(title, `<h1>${escapeHtml(title)}</h1>\n${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}`);
}
