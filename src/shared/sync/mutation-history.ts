import { MUTATIONS, type MutationName } from './mutations';

/**
 * What became of each mutation's earlier versions. A device may hold a change in its
 * outbox for weeks, and update the app only after it synced: every version the app ever
 * shipped stays accepted, by turning its arguments into the current version's one step
 * at a time. The current schema then judges the result, as it judges a current change.
 *
 * Bumping a mutation's version in MUTATIONS means adding here the step from the version
 * before, `upcasts[old]`: the arguments of `old` in, those of `old + 1` out. A step never
 * fails; what it cannot carry over it leaves for the schema to refuse. Only a version
 * that truly cannot be applied any more is retired (`retiredBelow`): a device holding it
 * is answered 426 `update-required` and keeps it queued.
 *
 * The version-1 shapes are frozen in test/fixtures/mutations/v1; a test applies each of
 * them to the current server.
 */

/** The arguments of one version → those of the next. */
export type Upcast = (args: unknown) => unknown;

export type MutationHistory = {
  /** By the version it starts from: one step for each version below the current one. */
  readonly upcasts: Readonly<Record<number, Upcast>>;
  /** Versions below this one are no longer applied, and why. */
  readonly retiredBelow?: { readonly version: number; readonly reason: string };
};

export const MUTATION_HISTORY: { readonly [N in MutationName]: MutationHistory } = {
  'follow-up.log': { upcasts: {} },
  'follow-up.void': { upcasts: {} },
  'alumnus.update-contact': { upcasts: {} },
  'cohort.create': { upcasts: {} },
  'cohort.update': { upcasts: {} },
  'enrollment.create': { upcasts: {} },
  'enrollment.update': { upcasts: {} },
  'enrollment.withdraw': { upcasts: {} },
  'self-report-link.create': { upcasts: {} },
  'self-report-link.withdraw': { upcasts: {} },
};

/** Why a server cannot apply a version: the app that queued it is newer than the server, or the version was retired. */
export type UpdateReason = 'newer-version' | 'retired';

export type Upcasted = { ok: true; args: unknown } | { ok: false; reason: UpdateReason; message: string };

/**
 * The arguments of `name` at `version` as the current version's, or why they cannot be
 * had. Pure: the catalog and history are parameters, so tests can give a made-up past.
 */
export function upcastArgs(
  name: string,
  version: number,
  args: unknown,
  current: number,
  history: MutationHistory,
): Upcasted {
  if (version > current) {
    return { ok: false, reason: 'newer-version', message: `this server applies ${name} up to version ${current}, not ${version}` };
  }
  const retired = history.retiredBelow;
  if (retired !== undefined && version < retired.version) {
    return { ok: false, reason: 'retired', message: `${name} version ${version} is no longer applied: ${retired.reason}` };
  }
  let upcast = args;
  for (let from = version; from < current; from += 1) {
    const step = history.upcasts[from];
    // A version never shipped (no step leads on from it) cannot be read either.
    if (step === undefined) return { ok: false, reason: 'retired', message: `${name} version ${version} is not a version this server knows` };
    upcast = step(upcast);
  }
  return { ok: true, args: upcast };
}

/** `upcastArgs` over the app's own mutations. */
export function upcastMutation(name: MutationName, version: number, args: unknown): Upcasted {
  return upcastArgs(name, version, args, MUTATIONS[name].version, MUTATION_HISTORY[name]);
}
