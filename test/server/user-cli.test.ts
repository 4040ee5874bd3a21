import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/auth/password';
import { DomainError } from '../../src/server/errors';
import { FatalError } from '../../src/server/fatal-error';
import { parseUserCommand, runUserCommand, type UserCommand } from '../../src/server/users/user-cli';
import { describeEachDialect, useTestDatabase } from './databases';
import { insertProvider } from './sign-in';

const NOW = new Date('2024-08-31T09:00:00.000Z');

function command(args: string[]): UserCommand {
  const parsed = parseUserCommand(args);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

it.each([
  [['add', '--role', 'officer', '--password-stdin'], 'user add needs --username and --role.'],
  [['add', '--username', 'x', '--role', 'officer'], 'user add needs --password-stdin (the password is read from stdin).'],
  [['add', '--username', 'x', '--role', 'officer', '--password', 'secret'], "Unknown option '--password'"],
  [['add', '--username', 'x', '--role', 'supervisor', '--manages-cohorts', '--password-stdin'], 'user add --manages-cohorts is for officers only.'],
  [['passwd', '--password-stdin'], 'user passwd needs exactly one username.'],
  [['list', 'extra'], 'user list takes no arguments.'],
  [['remove'], 'Unknown user subcommand: remove'],
  [[], 'user needs a subcommand: add, passwd or list.'],
])('jejak user %j is a usage error', (args, problem) => {
  expect(parseUserCommand(args)).toEqual({ problem: expect.stringContaining(problem) as unknown });
});

describeEachDialect('jejak user', (kind) => {
  const database = useTestDatabase(kind);

  async function run(args: string[], stdin = '') {
    let stdout = '';
    await runUserCommand(database.current.db, command(args), { stdin: Readable.from([stdin]), stdout: { write: (text: string) => (stdout += text) } }, NOW);
    return stdout;
  }
  const failure = (args: string[], stdin = '') => run(args, stdin).then(() => null, (error: unknown) => error as Error);

  it('adds users, sets a password and lists them, through the audited user service', async () => {
    const { db } = database.current;
    const providerId = await insertProvider(db, 'LPK Cendekia Komputer');
    expect(await run(['add', '--username', 'Arif', '--role', 'provider-staff', '--provider', providerId, '--display-name', 'Arif Budiman', '--password-stdin'], 'first password\nignored\n'))
      .toBe('Created user arif (provider-staff).\n');
    await run(['add', '--username', 'kabid', '--role', 'supervisor', '--password-stdin'], 'kepala bidang 1\r\n');
    await run(['add', '--username', 'sari', '--role', 'officer', '--manages-cohorts', '--password-stdin'], 'petugas lapangan 7\n');
    expect(await run(['passwd', 'arif', '--password-stdin'], 'second password\n')).toBe('Password of arif changed; their sessions have ended.\n');

    const arif = await db.selectFrom('users').selectAll().where('username', '=', 'arif').executeTakeFirstOrThrow();
    expect(arif).toMatchObject({ displayName: 'Arif Budiman', providerId, mustChangePassword: 1 });
    expect(await verifyPassword('second password', arif.passwordHash)).toBe(true);
    const kabid = await db.selectFrom('users').select(['displayName', 'passwordHash']).where('username', '=', 'kabid').executeTakeFirstOrThrow();
    expect(kabid.displayName).toBe('kabid');
    const managers = await db.selectFrom('users').select('username').where('managesCohorts', '=', 1).execute();
    expect(managers).toEqual([{ username: 'sari' }]);
    expect(await verifyPassword('kepala bidang 1', kabid.passwordHash)).toBe(true);

    expect(await run(['list'])).toBe(
      'USERNAME  ROLE            PROVIDER               ACTIVE\n' +
      'arif      provider-staff  LPK Cendekia Komputer  yes\n' +
      'kabid     supervisor      -                      yes\n' +
      'sari      officer         -                      yes\n',
    );
    const audit = await db.selectFrom('auditLog').select(['userId', 'mutation']).orderBy('mutation').execute();
    expect(audit).toEqual([
      { userId: 'cli', mutation: 'user.create' }, { userId: 'cli', mutation: 'user.create' }, { userId: 'cli', mutation: 'user.create' },
      { userId: 'cli', mutation: 'user.password-reset' },
    ]);
  });

  it('refuses a short or missing password, an unknown role or provider and a taken username, in one line each', async () => {
    const add = (...extra: string[]) => ['add', '--username', 'budi', '--role', 'officer', ...extra, '--password-stdin'];
    const cases: [Error | null, typeof DomainError | typeof FatalError, string][] = [
      [await failure(add(), 'short\n'), DomainError, 'password must have at least 10 characters'],
      [await failure(add(), ''), FatalError, 'No password on stdin'],
      [await failure(['add', '--username', 'budi', '--role', 'root', '--password-stdin'], 'long enough pw\n'), DomainError, 'role is not one of the allowed values (officer, provider-staff, supervisor, admin)'],
      [await failure(['add', '--username', 'budi', '--role', 'provider-staff', '--provider', '00000000-0000-4000-8000-000000000001', '--password-stdin'], 'long enough pw\n'), DomainError, 'there is no provider 00000000-0000-4000-8000-000000000001'],
      [await failure(['passwd', 'nobody', '--password-stdin'], 'long enough pw\n'), DomainError, 'there is no user nobody'],
    ];
    for (const [error, type, message] of cases) {
      expect(error).toBeInstanceOf(type);
      expect(error!.message).toContain(message);
      expect(error!.message).not.toContain('\n');
    }
    await run(add(), 'long enough pw\n');
    expect((await failure(add(), 'long enough pw\n'))?.message).toBe('the username budi is already taken');
  });
});
