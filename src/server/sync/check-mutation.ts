import * as v from 'valibot';
import { describeError, type ErrorCode } from '../../shared/errors';
import { toFieldIssues, type FieldIssue } from '../../shared/schema';
import { clampHlc, decodeHlc, encodeHlc } from '../../shared/sync/hlc';
import { MUTATIONS, isMutationName, type MutationArgs, type MutationName } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/protocol';

/** A device clock may run this far ahead of the server's before the server pulls it back. */
export const MAX_CLOCK_AHEAD_MS = 60_000;

export type Rejection = { code: ErrorCode; message: string; details?: unknown; current?: unknown };

/** A mutation the server can apply, with its parsed arguments and its clock as the server accepts it. */
export type CheckedMutation = { [N in MutationName]: { name: N; args: MutationArgs<N>; hlc: string | null } }[MutationName];

/**
 * Reads one pushed mutation: a name and version this server applies, arguments valid for
 * it, and a readable clock where last-writer-wins needs one. Anything else is a
 * permanent refusal, returned as a value (the push records it and goes on).
 */
export function checkMutation(mutation: Mutation, now: Date): { ok: true; mutation: CheckedMutation } | { ok: false; rejection: Rejection } {
  const { name, version } = mutation;
  if (!isMutationName(name) || MUTATIONS[name].version !== version) {
    return { ok: false, rejection: { code: 'unknown-mutation', message: `this server does not apply ${name} version ${version}; update the app` } };
  }
  const parsed = v.safeParse(MUTATIONS[name].args, mutation.args);
  if (!parsed.success) return { ok: false, rejection: invalid(toFieldIssues(parsed.issues)) };

  const decoded = decodeHlc(mutation.hlc);
  if (decoded === null && name === 'alumnus.update-contact') {
    return { ok: false, rejection: invalid([{ path: 'hlc', code: 'invalid-type' }]) };
  }
  // A phone whose clock says next year must not win every later edit.
  const hlc = decoded === null ? null : encodeHlc(clampHlc(decoded, now.getTime(), MAX_CLOCK_AHEAD_MS));
  return { ok: true, mutation: { name, args: parsed.output, hlc } as CheckedMutation };
}

function invalid(issues: FieldIssue[]): Rejection {
  const message = issues.map(({ path, code }) => (path === '' ? describeError(code) : `${path}: ${describeError(code)}`)).join('; ');
  return { code: 'invalid-body', message: message === '' ? describeError('invalid-body') : message, details: issues };
}
