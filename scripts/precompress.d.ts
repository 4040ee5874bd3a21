// Types for precompress.js, which stays plain JavaScript so the build and tests share it.
export const COMPRESSIBLE: ReadonlySet<string>;
export const MIN_BYTES: number;
export function precompress(dir: string): { files: number; raw: number; br: number; gzip: number };
