import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCommand, runCatalogCommand, type CatalogCommand } from '../../src/server/catalog/catalog-cli';
import { DomainError } from '../../src/server/errors';
import { describeEachDialect, useTestDatabase } from './databases';
import { jejak, tmp } from './jejak-bin';

const NOW = new Date('2026-12-05T02:00:00.000Z');

function command(entity: 'provider' | 'vocation', args: string[]): CatalogCommand {
  const parsed = parseCatalogCommand(entity, args);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

it.each([
  ['provider', ['add', '--name', 'LPK X'], 'provider add needs --name and --kind.'],
  ['provider', ['add', '--name', 'LPK X', '--kind', 'lpk', 'extra'], 'Unexpected arguments: extra'],
  ['vocation', ['add'], 'vocation add needs --name.'],
  ['vocation', ['add', '--name', 'Las', '--kind', 'lpk'], "Unknown option '--kind'"],
  ['vocation', ['list', '--name', 'x'], 'vocation list takes no arguments.'],
  ['provider', ['remove'], 'Unknown provider subcommand: remove'],
  ['vocation', [], 'vocation needs a subcommand: add or list.'],
] as const)('jejak %s %j is a usage error', (entity, args, problem) => {
  expect(parseCatalogCommand(entity, args)).toEqual({ problem: expect.stringContaining(problem) as unknown });
});

describeEachDialect('jejak provider and vocation', (kind) => {
  const database = useTestDatabase(kind);

  async function run(entity: 'provider' | 'vocation', args: string[]) {
    let stdout = '';
    await runCatalogCommand(database.current.db, command(entity, args), { write: (text: string) => (stdout += text) }, NOW);
    return stdout;
  }

  it('adds through the audited services, into the change feed, and lists', async () => {
    const { db } = database.current;
    const added = await run('provider', ['add', '--name', 'LPK Cahaya Mandiri', '--kind', 'lpk', '--address', 'Jl. Cipto 4', '--phone', '0548-123456']);
    const providerId = /\(([0-9a-f-]{36})\)/.exec(added)?.[1];
    expect(added).toBe(`Added provider LPK Cahaya Mandiri (${providerId}).\n`);
    await run('vocation', ['add', '--name', '  Las Listrik ']);

    expect(await db.selectFrom('providers').select(['name', 'kind', 'address', 'phone']).execute()).toEqual([
      { name: 'LPK Cahaya Mandiri', kind: 'lpk', address: 'Jl. Cipto 4', phone: '+62548123456' },
    ]);
    const audit = await db.selectFrom('auditLog').select(['userId', 'mutation']).orderBy('mutation').execute();
    expect(audit).toEqual([{ userId: 'cli', mutation: 'provider.create' }, { userId: 'cli', mutation: 'vocation.create' }]);
    expect(await db.selectFrom('changeLog').select('entity').where('scope', '=', 'shared').orderBy('entity').execute()).toEqual([
      { entity: 'providers' },
      { entity: 'vocations' },
    ]);

    expect(await run('provider', ['list'])).toBe(`ID${' '.repeat(36)}KIND  NAME                ACTIVE\n${providerId}  lpk   LPK Cahaya Mandiri  yes\n`);
    expect(await run('vocation', ['list'])).toMatch(/^ID {36}NAME {9}ACTIVE\n[0-9a-f-]{36} {2}Las Listrik {2}yes\n$/);
  });

  it('refuses what the API refuses, naming the option', async () => {
    const failure = (entity: 'provider' | 'vocation', args: string[]) => run(entity, args).then(() => null, (error: unknown) => error);
    const badKind = await failure('provider', ['add', '--name', 'LPK X', '--kind', 'school']);
    expect(badKind).toBeInstanceOf(DomainError);
    expect((badKind as Error).message).toMatch(/^kind .* \(lpk, blk, agency\)$/);
    expect((await failure('provider', ['add', '--name', 'LPK X', '--kind', 'lpk', '--phone', '12']) as Error).message).toMatch(/^phone /);
    expect((await failure('vocation', ['add', '--name', '   ']) as Error).message).toMatch(/^name /);
    expect(await database.current.db.selectFrom('providers').select('id').execute()).toEqual([]);
  });
});

describe('bin/jejak.js provider and vocation', () => {
  it('a provider added on the command line takes provider staff at once', async () => {
    const env = { DATABASE_URL: `sqlite:${join(tmp, 'catalog.db')}` };
    const added = await jejak(['provider', 'add', '--name', 'BLK Bontang', '--kind', 'blk'], env);
    expect(added.code).toBe(0);
    const providerId = /\(([0-9a-f-]{36})\)/.exec(added.stdout)?.[1] ?? '';
    const staff = await jejak(['user', 'add', '--username', 'staf.blk', '--role', 'provider-staff', '--provider', providerId, '--password-stdin'], env, 'a good password\n');
    expect(staff).toMatchObject({ code: 0, stdout: 'Created user staf.blk (provider-staff).\n' });
    expect((await jejak(['vocation', 'add', '--name', 'Pengelasan'], env)).code).toBe(0);
    const listed = await jejak(['vocation', 'list'], env);
    expect(listed.stdout).toContain('Pengelasan  yes');
    const refused = await jejak(['vocation', 'add', '--name', 'x'.repeat(121)], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: name /);
  }, 90_000);
});
