import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jejak, tmp } from './jejak-bin';

describe('bin/jejak.js', () => {
  it('migrate applies the migrations and exits 0', async () => {
    const { code, stdout } = await jejak(['migrate']);
    expect(code).toBe(0);
    expect(stdout).toContain('2026_11_28_1000_create_entities');
  });

  it('an unknown command prints the usage on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await jejak(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Unknown command: frobnicate');
    expect(stderr).toContain('Usage: jejak <command>');
  });

  it('serve on a port already taken says so in one line and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const { code, stderr } = await jejak(['serve'], { PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is already in use`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('user add, list and passwd take the password from stdin; a refusal is one line on stderr and exit 1', async () => {
    const env = { DATABASE_URL: `sqlite:${join(tmp, 'users.db')}` };
    // Its own database, so it runs alongside the others.
    const refused = jejak(['user', 'add', '--username', 'budi', '--role', 'officer', '--password-stdin'], { DATABASE_URL: `sqlite:${join(tmp, 'refused.db')}` }, 'short\n');

    const added = await jejak(['user', 'add', '--username', 'siti', '--role', 'officer', '--display-name', 'Siti Aminah', '--password-stdin'], env, 'a good password\n');
    expect(added).toEqual({ code: 0, stdout: 'Created user siti (officer).\n', stderr: '' });
    const changed = await jejak(['user', 'passwd', 'siti', '--password-stdin'], env, 'another good password\n');
    expect(changed).toEqual({ code: 0, stdout: 'Password of siti changed; their sessions have ended.\n', stderr: '' });
    const listed = await jejak(['user', 'list'], env);
    expect(listed.stdout).toMatch(/^USERNAME +ROLE +PROVIDER +ACTIVE\nsiti +officer +- +yes\n$/);

    const short = await refused;
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('Error: password must have at least 10 characters\n');
  });
});
