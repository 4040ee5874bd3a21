import * as v from 'valibot';
import { describeError, type ErrorCode } from '../../shared/errors';
import { toFieldIssues, type FieldIssue } from '../../shared/schema';
import { clampHlc, decodeHlc, encodeHlc } from '../../shared/sync/hlc';
import { upcastMutation, type UpdateReason } from '../../shared/sync/mutation-history';
import { MUTATIONS, isMutationName, type MutationArgs, type MutationName } from '../../shared/sync/mutations';
import type { Mutation } from '../../shared/sync/protocol';

/** A device clock may run this far ahead of the server's before the server pulls it back. */
export const MAX_CLOCK_AHEAD_MS = 60_000;

export type Rejection = { code: ErrorCode; message: string; details?: unknown; current?: unknown };

/** A mutation the server can apply, with its parsed arguments and its clock as the server accepts it. */
export type CheckedMutation = { [N in MutationName]: { name: N; args: MutationArgs<N>; hlc: string | null } }[MutationName];

/** A pushed mutation this server cannot apply however often it is sent: the app must be updated first. */
export type UpdateRequired = { mid: number; name: string; version: number; reason: UpdateReason; message: string };

/**
 * Whether `mutation` is a version this server cannot read: newer than it knows, or
 * retired. Such a change is neither applied nor refused: the push stops before it and
 * answers 426, and the device keeps it queued until an update can send it.
 */
export function updateRequiredFor(mutation: Mutation): UpdateRequired | null {
  const { mid, name, version } = mutation;
  if (!isMutationName(name)) return null;
  const upcast = upcastMutation(name, version, mutation.args);
  return upcast.ok ? null : { mid, name, version, reason: upcast.reason, message: upcast.message };
}

/**
 * Reads one pushed mutation: a name this server applies, at its current version or
 * upcast to it from an earlier one, arguments valid for it, and a readable clock where
 * last-writer-wins needs one. Anything else is a permanent refusal, returned as a value
 * (the push records it and goes on). A name no version of the app ever sent is refused
 * as `unknown-mutation`.
 */
export function checkMutation(mutation: Mutation, now: Date): { ok: true; mutation: CheckedMutation } | { ok: false; rejection: Rejection } {
  const { name, version } = mutation;
  if (!isMutationName(name)) {
    return { ok: false, rejection: { code: 'unknown-mutation', message: `this server does not apply ${name}; update the app` } };
  }
  const upcast = upcastMutation(name, version, mutation.args);
  // Reached only by a caller that did not ask updateRequiredFor first.
  if (!upcast.ok) return { ok: false, rejection: { code: 'update-required', message: upcast.message } };
  const parsed = v.safeParse(MUTATIONS[name].args, upcast.args);
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
