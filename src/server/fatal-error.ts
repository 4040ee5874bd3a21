/**
 * A failure the operator can act on from its message alone — a bad setting, a port in
 * use, a failed build. The CLI prints the message (no stack trace) and exits with
 * `exitCode`.
 */
export class FatalError extends Error {
  override readonly name = 'FatalError';
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
  }
}
