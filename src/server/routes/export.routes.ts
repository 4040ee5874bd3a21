import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { EXPORT_FORMATS, EXPORT_TABLES, ExportQuerySchema } from '../../shared/api/export.api';
import { dateInZone } from '../../shared/domain/dates';
import { assertAllowed } from '../access/scope';
import type { AppEnv, Clock } from '../auth/context';
import { currentUser } from '../auth/require-user';
import { recordAudit } from '../audit/record-audit';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { exportFile } from '../export/export-file';
import { webBody } from '../export/web-body';
import { parseQuery } from '../http/parse-query';
import { acceptsEncoding } from '../http/accept-encoding';

const FileSchema = v.object({ table: v.picklist(EXPORT_TABLES), format: v.picklist(EXPORT_FORMATS) });

/**
 * `GET /api/export/{alumni,follow-ups,cohorts,absorption}.{xlsx,csv}?asOf=…&provider=…`:
 * supervisors and admins only (an export holds every provider's people). Each export is
 * audited — who, which table, format and filters — before its first byte is sent, so a
 * download cut short is still on record. The file is streamed: see export/write-*.ts.
 */
export function exportRoutes({ db, clock }: { db: Kysely<Database>; clock: Clock }): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/export/:file', async (c) => {
    const user = currentUser(c);
    const [table, format, ...rest] = c.req.param('file').split('.');
    const file = v.safeParse(FileSchema, { table, format });
    if (!file.success || rest.length > 0) {
      throw new DomainError('not-found', 404, { message: `no export ${c.req.param('file')}; try e.g. follow-ups.xlsx or alumni.csv` });
    }
    assertAllowed(user, 'export');
    const parsed = parseQuery(c, ExportQuerySchema);
    const query = { ...parsed, asOf: parsed.asOf ?? dateInZone(clock()) };
    const { table: name, format: kind } = file.output;

    await recordAudit(db, {
      userId: user.id,
      mutation: 'export',
      entity: 'export',
      entityId: `${name}.${kind}`,
      before: null,
      after: {
        table: name, format: kind, asOf: query.asOf,
        filters: { provider: query.provider, fundingSource: query.fundingSource, year: query.year, cohort: query.cohort },
        ...(name === 'absorption' ? { groupBy: query.groupBy } : {}),
        ...(kind === 'csv' ? { separator: query.separator } : {}),
      },
      at: clock(),
    });

    // XLSX is a ZIP, compressed already. CSV is text: gzipped as it is written when the client takes gzip.
    const gzip = kind === 'csv' && acceptsEncoding(c.req.header('Accept-Encoding'), 'gzip');
    const { body, fileName, contentType } = await exportFile(db, name, kind, query, { gzip });
    const encoding: Record<string, string> = kind === 'csv' ? { Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) } : {};
    return c.body(webBody(body), 200, {
      ...encoding,
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
