import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { NewProviderSchema, NewVocationSchema } from '../../shared/api/catalog.api';
import { describeError } from '../../shared/errors';
import { PROVIDER_KINDS, toFieldIssues } from '../../shared/schema';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { CLI_ACTOR } from '../users/user-cli';
import { createProvider, listProviders } from './providers.service';
import { createVocation, listVocations } from './vocations.service';

/**
 * `jejak provider add|list` and `jejak vocation add|list`: the first day's set-up from a
 * shell, through the same services (and so the same checks, audit and change feed) as
 * the admin screen. Renaming and deactivating stay in /admin, where the list is in view.
 */

export const CATALOG_USAGE = `  provider add --name NAME --kind ${PROVIDER_KINDS.join('|')} [--address TEXT] [--phone NUMBER]
            add a training provider; prints its id (for user add --provider)
  provider list
            list the providers: id, kind, name, active
  vocation add --name NAME
            add a vocation (what a course teaches)
  vocation list
            list the vocations: id, name, active`;

export type CatalogCommand =
  | { entity: 'provider'; kind: 'add'; name: string; providerKind: string; address: string | undefined; phone: string | undefined }
  | { entity: 'vocation'; kind: 'add'; name: string }
  | { entity: 'provider' | 'vocation'; kind: 'list' };

/** The command, or a usage problem (exit 2) in words. */
export function parseCatalogCommand(entity: 'provider' | 'vocation', args: readonly string[]): CatalogCommand | { problem: string } {
  const [sub, ...rest] = args;
  let parsed;
  try {
    const options = entity === 'provider'
      ? { name: { type: 'string' }, kind: { type: 'string' }, address: { type: 'string' }, phone: { type: 'string' } } as const
      : { name: { type: 'string' } } as const;
    parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options });
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const values = parsed.values as Partial<Record<'name' | 'kind' | 'address' | 'phone', string>>;
  if (parsed.positionals.length > 0) return { problem: `Unexpected arguments: ${parsed.positionals.join(' ')}` };
  switch (sub) {
    case 'add':
      if (entity === 'vocation') {
        return values.name === undefined ? { problem: 'vocation add needs --name.' } : { entity, kind: 'add', name: values.name };
      }
      if (values.name === undefined || values.kind === undefined) return { problem: 'provider add needs --name and --kind.' };
      return { entity, kind: 'add', name: values.name, providerKind: values.kind, address: values.address, phone: values.phone };
    case 'list':
      if (Object.keys(values).length > 0) return { problem: `${entity} list takes no arguments.` };
      return { entity, kind: 'list' };
    default:
      return { problem: sub === undefined ? `${entity} needs a subcommand: add or list.` : `Unknown ${entity} subcommand: ${sub}` };
  }
}

/** Runs a parsed command; a value the API would refuse throws a DomainError naming the option. */
export async function runCatalogCommand(db: Kysely<Database>, command: CatalogCommand, stdout: { write(text: string): unknown }, now: Date): Promise<void> {
  if (command.kind === 'list') {
    stdout.write(command.entity === 'provider' ? await providerTable(db) : await vocationTable(db));
    return;
  }
  if (command.entity === 'vocation') {
    const vocation = await createVocation(db, parseOrExplain(NewVocationSchema, { name: command.name }), CLI_ACTOR, now);
    stdout.write(`Added vocation ${vocation.name} (${vocation.id}).\n`);
    return;
  }
  const input = parseOrExplain(NewProviderSchema, {
    name: command.name,
    kind: command.providerKind,
    ...(command.address === undefined ? {} : { address: command.address }),
    ...(command.phone === undefined || command.phone.trim() === '' ? {} : { phone: command.phone }),
  });
  const provider = await createProvider(db, input, CLI_ACTOR, now);
  stdout.write(`Added provider ${provider.name} (${provider.id}).\n`);
}

async function providerTable(db: Kysely<Database>): Promise<string> {
  const providers = await listProviders(db, { kind: 'all' });
  return table(['ID', 'KIND', 'NAME', 'ACTIVE'], providers.map((p) => [p.id, p.kind, p.name, p.deleted ? 'no' : 'yes']));
}

async function vocationTable(db: Kysely<Database>): Promise<string> {
  const vocations = await listVocations(db);
  return table(['ID', 'NAME', 'ACTIVE'], vocations.map((x) => [x.id, x.name, x.deleted ? 'no' : 'yes']));
}

function parseOrExplain<const S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const problems = toFieldIssues(result.issues).map(({ path, code }) =>
    path === 'kind' ? `kind ${describeError(code)} (${PROVIDER_KINDS.join(', ')})` : `${path} ${describeError(code)}`,
  );
  throw new DomainError('invalid-body', 400, { message: problems.join('; ') });
}

/** A plain table for a terminal, the last column unpadded. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all.map((row) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]! + 2) : cell)).join('')).join('\n') + '\n';
}
