// Types for build-state.js, which stays plain JavaScript so it runs before anything is compiled.
export type BuildOutput = { marker: string; inputs: string[] };
export const OUTPUTS: { client: BuildOutput; server: BuildOutput };
export class BuildError extends Error {
  constructor(message: string, exitCode?: number);
  readonly exitCode: number;
}
export function buildState(root: string, output: BuildOutput): 'missing' | 'stale' | 'fresh';
export function canBuild(root: string): boolean;
export function buildIfNeeded(root: string, log?: { log(text: string): void; warn(text: string): void }): Promise<Array<'client' | 'server'>>;
