import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding Jejak's package.json. Found by walking up from this module
 * rather than by a fixed `../..`, so the answer stays right whether the server runs
 * from src/ under tsx or from a bundled dist-server/.
 */
export function projectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && isJejakPackage(candidate)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Jejak's package.json above ${from}`);
    dir = parent;
  }
}

function isJejakPackage(file: string): boolean {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
  return pkg.name === 'jejak';
}
