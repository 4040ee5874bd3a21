import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { CreateUserSchema, ResetPasswordSchema } from '../../shared/api/auth.api';
import { describeError } from '../../shared/errors';
import { ROLES, toFieldIssues } from '../../shared/schema';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { FatalError } from '../fatal-error';
import { findLoginAccount, listUsers, type UserRow } from './users.repository';
import { createUser, resetPassword } from './users.service';

/**
 * `jejak user add|passwd|list`: accounts from the command line, for the operator who
 * runs the server (recovering a lost admin password, scripting a set-up). The same
 * service functions as the admin routes do the work; audit entries name the actor `cli`.
 * Passwords come on stdin, never as arguments, which other local users could read
 * from the process list and which land in shell history.
 */

export const USER_USAGE = `  user add --username U --role R [--provider ID] [--display-name NAME] [--manages-cohorts] --password-stdin
            create a user (roles: ${ROLES.join(', ')});
            provider staff need --provider with their provider's id;
            --manages-cohorts lets an officer create and edit cohorts of any provider
  user passwd U --password-stdin
            set a user's password; their sessions end
  user list list the users: username, role, provider, active`;

export type UserCommand =
  | { kind: 'add'; username: string; role: string; providerId: string | null; displayName: string | null; managesCohorts: boolean }
  | { kind: 'passwd'; username: string }
  | { kind: 'list' };

export const CLI_ACTOR = 'cli';

/** The command, or a usage problem (exit 2) in words. */
export function parseUserCommand(args: readonly string[]): UserCommand | { problem: string } {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        provider: { type: 'string' },
        'display-name': { type: 'string' },
        'manages-cohorts': { type: 'boolean' },
        'password-stdin': { type: 'boolean' },
      },
    });
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  const withPassword = values['password-stdin'] === true;
  switch (sub) {
    case 'add':
      if (positionals.length > 0) return { problem: `Unexpected arguments: ${positionals.join(' ')}` };
      if (values.username === undefined || values.role === undefined) return { problem: 'user add needs --username and --role.' };
      if (!withPassword) return { problem: 'user add needs --password-stdin (the password is read from stdin).' };
      // Said rather than dropped: the service keeps cohort rights for officers only.
      if (values['manages-cohorts'] === true && values.role !== 'officer') return { problem: 'user add --manages-cohorts is for officers only.' };
      return {
        kind: 'add',
        username: values.username,
        role: values.role,
        providerId: values.provider ?? null,
        displayName: values['display-name'] ?? null,
        managesCohorts: values['manages-cohorts'] === true,
      };
    case 'passwd':
      if (positionals.length !== 1 || positionals[0] === undefined) return { problem: 'user passwd needs exactly one username.' };
      if (!withPassword) return { problem: 'user passwd needs --password-stdin (the password is read from stdin).' };
      if (Object.keys(values).length > 1) return { problem: 'user passwd takes only a username and --password-stdin.' };
      return { kind: 'passwd', username: positionals[0] };
    case 'list':
      if (positionals.length > 0 || Object.keys(values).length > 0) return { problem: 'user list takes no arguments.' };
      return { kind: 'list' };
    default:
      return { problem: sub === undefined ? 'user needs a subcommand: add, passwd or list.' : `Unknown user subcommand: ${sub}` };
  }
}

export type UserCliIo = { stdin: NodeJS.ReadableStream; stdout: { write(text: string): unknown } };

/** Runs a parsed command. Mistakes (short password, unknown role or provider, taken name) throw a DomainError or FatalError with one line. */
export async function runUserCommand(db: Kysely<Database>, command: UserCommand, io: UserCliIo, now: Date): Promise<void> {
  switch (command.kind) {
    case 'list':
      io.stdout.write(formatUserTable(await listUsers(db)));
      return;
    case 'add': {
      const input = parseOrExplain(CreateUserSchema, {
        username: command.username,
        displayName: command.displayName ?? command.username,
        role: command.role,
        providerId: command.providerId,
        managesCohorts: command.managesCohorts,
        password: await readPassword(io.stdin),
      });
      const user = await createUser(db, input, CLI_ACTOR, now);
      io.stdout.write(`Created user ${user.username} (${user.role}).\n`);
      return;
    }
    case 'passwd': {
      const { password } = parseOrExplain(ResetPasswordSchema, { password: await readPassword(io.stdin) });
      const account = await findLoginAccount(db, { username: command.username.trim().toLowerCase() });
      if (account === undefined) throw new DomainError('not-found', 404, { message: `there is no user ${command.username}` });
      await resetPassword(db, account.id, password, CLI_ACTOR, now);
      io.stdout.write(`Password of ${account.username} changed; their sessions have ended.\n`);
      return;
    }
  }
}

/** The first line of stdin, without its line end. An empty one is refused: a forgotten pipe, not a password. */
export async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const line = (text.split('\n')[0] ?? '').replace(/\r$/, '');
  if (line === '') throw new FatalError("No password on stdin. Pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | jejak user …");
  return line;
}

function parseOrExplain<const S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const problems = toFieldIssues(result.issues).map(({ path, code }) => {
    const words = describeError(code);
    const option = path === 'providerId' ? 'provider' : path === 'displayName' ? 'display name' : path;
    return path === 'role' ? `role ${words} (${ROLES.join(', ')})` : `${option} ${words}`;
  });
  throw new DomainError('invalid-body', 400, { message: problems.join('; ') });
}

/** A plain table for a terminal: username, role, provider, active. */
export function formatUserTable(users: readonly Pick<UserRow, 'username' | 'role' | 'providerName' | 'active'>[]): string {
  const rows = [['USERNAME', 'ROLE', 'PROVIDER', 'ACTIVE'], ...users.map((u) => [u.username, u.role, u.providerName ?? '-', u.active ? 'yes' : 'no'])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]! + 2) : cell)).join('')).join('\n') + '\n';
}
