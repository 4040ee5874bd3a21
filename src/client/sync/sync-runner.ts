import { exclusive, releasedInThisTab } from './exclusive';
import type { CycleOutcome } from './sync-cycle';

export const SYNC_LOCK = 'jejak-sync';
/** How often a visible page syncs when nothing else asks it to. */
export const PERIOD_MS = 60_000;
/** How long after a local write the sync starts: a burst of edits goes out together. */
export const WRITE_DELAY_MS = 3_000;
/** Another tab is syncing: look again this soon, in case it finishes before seeing our latest write. */
export const BUSY_RETRY_MS = 5_000;
export const BACKOFF_FIRST_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export type RunnerOptions = {
  cycle: () => Promise<CycleOutcome>;
  onRunning?: (running: boolean) => void;
  onOutcome?: (outcome: CycleOutcome) => void;
  /** Defaults to `navigator.locks`; null where there is none (then this tab only). */
  locks?: LockManager | null;
  lockName?: string;
  random?: () => number;
};

/**
 * Decides when sync cycles run: at start, on `online`, shortly after a local write, every
 * minute while the page is visible, and after a failure with exponential backoff and
 * jitter (so a server coming back is not hit by every phone at once). Never two cycles
 * at once in a tab, one tab at a time per browser profile. A lost session or an app too
 * old for the server halts it until it is started again.
 */
export class SyncRunner {
  readonly #options: Required<Omit<RunnerOptions, 'onRunning' | 'onOutcome'>> & Pick<RunnerOptions, 'onRunning' | 'onOutcome'>;
  #active = false;
  #halted = false;
  #failures = 0;
  #current: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writeTimer: ReturnType<typeof setTimeout> | undefined;
  /** A periodic run fell due while the page was hidden: run when it shows again. */
  #dueWhenVisible = false;

  constructor(options: RunnerOptions) {
    this.#options = {
      locks: typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null,
      lockName: SYNC_LOCK,
      random: Math.random,
      ...options,
    };
  }

  start(): Promise<void> {
    if (this.#active) return this.runNow();
    this.#active = true;
    this.#halted = false;
    this.#failures = 0;
    addEventListener('online', this.#onOnline);
    document.addEventListener('visibilitychange', this.#onVisibility);
    return this.runNow();
  }

  /** Stops scheduling; a cycle already running finishes, its outcome unreported. */
  stop(): void {
    this.#active = false;
    clearTimeout(this.#timer);
    clearTimeout(this.#writeTimer);
    removeEventListener('online', this.#onOnline);
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  /**
   * A cycle now, or right after the running one; resolves when that cycle has ended.
   * Not while the browser knows it is offline (`navigator.onLine` false is reliable; true
   * is not): the cycle could only fail and push the backoff out; `online` starts one.
   */
  runNow(): Promise<void> {
    if (!this.#active || this.#halted || !navigator.onLine) return Promise.resolve();
    if (this.#current !== null) {
      this.#again = true;
      return this.#current.then(() => this.#current ?? undefined);
    }
    this.#current = this.#run().finally(() => {
      this.#current = null;
      if (this.#again) {
        this.#again = false;
        void this.runNow();
      }
    });
    return this.#current;
  }

  /** A change was queued here or in another tab. */
  localWrite(): void {
    if (!this.#active) return;
    clearTimeout(this.#writeTimer);
    this.#writeTimer = setTimeout(() => void this.runNow(), WRITE_DELAY_MS);
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    const { cycle, onRunning } = this.#options;
    const outcome = await exclusive(this.#options.lockName, this.#options.locks, async () => {
      onRunning?.(true);
      try {
        return await cycle();
      } finally {
        onRunning?.(false);
      }
    });
    if (!this.#active) return;
    if (outcome === 'busy') {
      // Taken in this tab (a provider remounted mid-cycle): go as soon as it ends.
      // Taken by another tab: look again shortly.
      const released = releasedInThisTab(this.#options.lockName);
      if (released === null) this.#schedule(BUSY_RETRY_MS, false);
      else void released.then(() => this.runNow());
      return;
    }
    this.#options.onOutcome?.(outcome);
    switch (outcome.kind) {
      case 'synced':
        this.#failures = 0;
        this.#schedule(PERIOD_MS, true);
        return;
      case 'update-required':
      case 'session-lost':
        this.#halted = true;
        this.#again = false;
        return;
      default:
        this.#failures += 1;
        this.#schedule(this.#backoff(outcome.kind === 'server-error' ? outcome.retryAfterSeconds : null), false);
    }
  }

  #backoff(retryAfterSeconds: number | null): number {
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (this.#failures - 1));
    const jittered = exponential * (0.5 + this.#options.random() / 2);
    return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
  }

  #schedule(delayMs: number, periodic: boolean): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (periodic && document.visibilityState === 'hidden') this.#dueWhenVisible = true;
      else void this.runNow();
    }, delayMs);
  }

  readonly #onOnline = (): void => {
    this.#failures = 0;
    void this.runNow();
  };

  readonly #onVisibility = (): void => {
    if (document.visibilityState !== 'visible' || !this.#dueWhenVisible) return;
    this.#dueWhenVisible = false;
    void this.runNow();
  };
}
