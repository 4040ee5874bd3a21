import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, loadConfig, parseDatabaseUrl, parsePort } from '../../src/server/config';
import { projectRoot } from '../../src/server/project-root';

const CWD = '/srv/jejak';

describe('DATABASE_URL', () => {
  it.each([
    ['sqlite:data/jejak.db', { kind: 'sqlite', path: '/srv/jejak/data/jejak.db' }],
    ['sqlite:../other.db', { kind: 'sqlite', path: '/srv/other.db' }],
    ['sqlite:/var/lib/jejak.db', { kind: 'sqlite', path: '/var/lib/jejak.db' }],
    ['sqlite:///var/lib/jejak.db', { kind: 'sqlite', path: '/var/lib/jejak.db' }],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    ['postgres://jejak:secret@db:5432/jejak', { kind: 'postgres', url: 'postgres://jejak:secret@db:5432/jejak' }],
    ['postgresql://127.0.0.1/jejak', { kind: 'postgres', url: 'postgresql://127.0.0.1/jejak' }],
  ])('accepts %s', (url, expected) => {
    expect(parseDatabaseUrl(url, CWD)).toEqual(expected);
  });

  it.each([
    ['mysql://u:secret@h/d', /DATABASE_URL must be postgres:\/\/…, postgresql:\/\/… or sqlite:<file path> \(got "mysql:"\)/],
    ['data/jejak.db', /DATABASE_URL .*got a value without a scheme/],
    ['sqlite:', /DATABASE_URL sqlite: needs a file path/],
    ['postgres://[bad', /DATABASE_URL is not a valid postgres:\/\/ URL/],
  ])('refuses %s with a message naming the variable', (url, message) => {
    expect(() => parseDatabaseUrl(url, CWD)).toThrow(message);
  });

  it('never echoes a password it could not parse', () => {
    expect(() => parseDatabaseUrl('mysql://u:hunter2@h/d', CWD)).toThrow(/^(?!.*hunter2)/);
  });
});

describe('PORT', () => {
  it.each([
    [undefined, DEFAULT_PORT],
    ['0', 0],
    ['3000', 3000],
    ['65535', 65535],
  ])('accepts %s', (value, expected) => {
    expect(parsePort(value)).toBe(expected);
  });

  it.each(['abc', '-1', '65536', '80.5', '8080x', ' '])('refuses %j', (value) => {
    expect(() => parsePort(value)).toThrow(/^PORT must be a whole number from 0 to 65535/);
  });
});

describe('loadConfig', () => {
  it('defaults to sqlite:data/jejak.db on port 8080, and finds the version and dist/', () => {
    const root = projectRoot();
    expect(loadConfig({}, { cwd: CWD })).toEqual({
      database: { kind: 'sqlite', path: '/srv/jejak/data/jejak.db' },
      port: 8080,
      host: '0.0.0.0',
      publicUrl: null,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      distDir: join(root, 'dist'),
      trustProxy: false,
    });
  });

  it('reads TRUST_PROXY as a flag and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }, { cwd: CWD }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '0' }, { cwd: CWD }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' }, { cwd: CWD })).toThrow('TRUST_PROXY must be 1 or 0 (got "maybe")');
  });

  it('reads HOST and PUBLIC_URL, and refuses what is no address or origin', () => {
    const config = loadConfig({ HOST: '127.0.0.1', PUBLIC_URL: 'https://jejak.example.go.id/' }, { cwd: CWD });
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('https://jejak.example.go.id');
    expect(loadConfig({ HOST: '::1' }, { cwd: CWD }).host).toBe('::1');
    expect(() => loadConfig({ HOST: 'http://x' }, { cwd: CWD })).toThrow(/^HOST must be an address/);
    expect(() => loadConfig({ PUBLIC_URL: 'jejak.example.go.id' }, { cwd: CWD })).toThrow(/^PUBLIC_URL must be an origin/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://x.id/app' }, { cwd: CWD })).toThrow(/^PUBLIC_URL must be an origin/);
  });

  it('treats empty variables as unset and honours a command default', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' }, { cwd: CWD, defaultDatabaseUrl: 'sqlite:data/demo.db' });
    expect(config.database).toEqual({ kind: 'sqlite', path: '/srv/jejak/data/demo.db' });
    expect(config.port).toBe(8080);
  });
});
