import { expect, it } from 'vitest';
import type { NewSelfReportLinkResponse } from '../../../src/shared/api/self-report.api';
import { ANSWER_WORDS } from '../../../src/server/self-report/answer-words';
import { escapeHtml } from '../../../src/server/self-report/page-layout';
import { describeEachDialect, useTestDatabase } from '../databases';
import { dataApi } from '../data/seed';
import { seedWorld } from '../data/world';

describeEachDialect('the answer page sent a broken or oversized body', (kind) => {
  const database = useTestDatabase(kind);

  async function answerPage() {
    const { db } = database.current;
    const world = await seedWorld(db);
    const { send, app } = dataApi(db, kind);
    const made = await send<NewSelfReportLinkResponse>('POST', `/api/alumni/${world.aOnly.id}/self-report-links`, world.users.officer.cookie);
    const path = new URL(made.body.url).pathname;
    const post = (contentType: string, body: string, headers: Record<string, string> = {}) =>
      app.request(path, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
    const postForm = (body: FormData) => app.request(path, { method: 'POST', body });
    return { db, post, postForm };
  }

  it('shows the form again with 400 for a broken multipart body, and the link stays open', async () => {
    const { db, post, postForm } = await answerPage();

    for (const [contentType, body] of [['multipart/form-data', 'x'], ['multipart/form-data; boundary=XX', '--XX\r\nbroken']] as const) {
      const refused = await post(contentType, body);
      expect([refused.status, refused.headers.get('content-type')], contentType).toEqual([400, 'text/html; charset=UTF-8']);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      const html = await refused.text();
      expect(html).toContain('Halo, Andi!');
      expect(html).toContain(escapeHtml(ANSWER_WORDS.unreadable));
      expect(html).toContain('<form method="post"');
    }

    // The link is still open, and a whole multipart form is read like a urlencoded one.
    const form = new FormData();
    form.set('status', 'seeking');
    expect((await postForm(form)).status).toBe(201);
    expect(await db.selectFrom('followUps').select('status').where('channel', '=', 'self-report').execute()).toEqual([{ status: 'seeking' }]);
  });

  it('says the answer is too long, on an HTML page, for a body over the limit, declared or streamed', async () => {
    const { post } = await answerPage();
    const body = `status=seeking&notes=${'a'.repeat(64 * 1024)}`;

    for (const headers of [{}, { 'content-length': String(body.length) }]) {
      const tooLong = await post('application/x-www-form-urlencoded', body, headers);
      expect([tooLong.status, tooLong.headers.get('content-type')], JSON.stringify(headers)).toEqual([413, 'text/html; charset=UTF-8']);
      expect(tooLong.headers.get('cache-control')).toBe('no-store');
      const html = await tooLong.text();
      expect(html).toContain(escapeHtml(ANSWER_WORDS.tooLongTitle));
      expect(html).toContain(escapeHtml(ANSWER_WORDS.tooLong));
    }
  });
});
