import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { FatalError } from './fatal-error';
import { projectRoot } from './project-root';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export type Config = {
  database: DatabaseConfig;
  port: number;
  /** HOST: the address to listen on; 0.0.0.0 (every interface) so phones on the office network reach it. */
  host: string;
  /**
   * PUBLIC_URL: the origin browsers use to reach the app (`https://jejak.example.go.id`),
   * for links sent to people and the same-origin check; null when unset.
   */
  publicUrl: string | null;
  version: string;
  /** Absolute path of the built PWA (dist/); it may not exist yet. */
  distDir: string;
  /** TRUST_PROXY=1: a reverse proxy in front sets X-Forwarded-For/-Proto/-Host (see AppDeps). */
  trustProxy: boolean;
};

export const DEFAULT_DATABASE_URL = 'sqlite:data/jejak.db';
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '0.0.0.0';

type Env = Readonly<Record<string, string | undefined>>;
type ConfigOptions = { cwd?: string; defaultDatabaseUrl?: string };

/** Reads the environment once at start-up; a bad value stops the server with a message naming it. */
export function loadConfig(env: Env = process.env, options: ConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const root = projectRoot();
  return {
    database: parseDatabaseUrl(nonEmpty(env['DATABASE_URL']) ?? options.defaultDatabaseUrl ?? DEFAULT_DATABASE_URL, cwd),
    port: parsePort(nonEmpty(env['PORT'])),
    host: parseHost(nonEmpty(env['HOST'])),
    publicUrl: parsePublicUrl(nonEmpty(env['PUBLIC_URL'])),
    version: readVersion(root),
    distDir: join(root, 'dist'),
    trustProxy: parseFlag('TRUST_PROXY', nonEmpty(env['TRUST_PROXY'])),
  };
}

/** `1`/`true` or `0`/`false`; unset is false. Anything else is a typo worth stopping for. */
export function parseFlag(variable: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw configError(variable, `must be 1 or 0 (got "${value.slice(0, 20)}")`);
}

/** `postgres://…`, `postgresql://…` or `sqlite:<path>` (relative to cwd; `sqlite:///abs/x.db` also works). */
export function parseDatabaseUrl(url: string, cwd: string): DatabaseConfig {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    if (!URL.canParse(url)) throw configError('DATABASE_URL', 'is not a valid postgres:// URL');
    return { kind: 'postgres', url };
  }
  const sqlite = /^sqlite:(.*)$/i.exec(url);
  if (sqlite) {
    const path = (sqlite[1] ?? '').replace(/^\/\//, '');
    if (path === '') throw configError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:data/jejak.db');
    return { kind: 'sqlite', path: path === ':memory:' || isAbsolute(path) ? path : resolve(cwd, path) };
  }
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  const got = scheme === undefined ? 'a value without a scheme' : `"${scheme}:"`;
  throw configError('DATABASE_URL', `must be postgres://…, postgresql://… or sqlite:<file path> (got ${got})`);
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw configError('PORT', `must be a whole number from 0 to 65535 (got "${value}")`);
  }
  return port;
}

/** An IPv4/IPv6 address or a host name; no scheme, no port. */
export function parseHost(value: string | undefined): string {
  if (value === undefined) return DEFAULT_HOST;
  if (!/^[a-z0-9.:-]{1,253}$/i.test(value) || /^[.:-]/.test(value) && !value.startsWith('::')) {
    throw configError('HOST', `must be an address such as 127.0.0.1, 0.0.0.0 or ::1 (got "${value.slice(0, 40)}")`);
  }
  return value;
}

/** `http(s)://host[:port]` with nothing after it but an optional `/`; returns the origin. */
export function parsePublicUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url === null || !/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw configError('PUBLIC_URL', `must be an origin such as https://jejak.example.go.id (got "${value.slice(0, 60)}")`);
  }
  return url.origin;
}

function configError(variable: string, problem: string): FatalError {
  return new FatalError(`${variable} ${problem}`);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
