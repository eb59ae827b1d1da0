// Gmail's per-user quota as the test server enforces it: units in a sliding window.

export interface QuotaOptions {
  unitsPerWindow: number;
  windowMs?: number;
  /** Gmail answers an exhausted per-user quota with 403 userRateLimitExceeded (or 429). */
  status?: 403 | 429;
  /** Send Retry-After (seconds until the window has room). Gmail does not promise one. */
  retryAfter?: boolean;
}

export interface QuotaRefusal {
  status: number;
  reason: string;
  message: string;
  retryAfter?: string;
}

export class QuotaWindow {
  readonly #options: QuotaOptions;
  #spent: { at: number; units: number }[] = [];

  constructor(options: QuotaOptions) {
    this.#options = options;
  }

  /** Charges `units` now, or says why not (nothing is charged for a refused request). */
  charge(units: number, now: number = Date.now()): QuotaRefusal | undefined {
    const { unitsPerWindow, windowMs = 60_000 } = this.#options;
    this.#spent = this.#spent.filter((e) => e.at > now - windowMs);
    const used = this.#spent.reduce((sum, e) => sum + e.units, 0);
    if (used + units <= unitsPerWindow) {
      this.#spent.push({ at: now, units });
      return undefined;
    }
    let freed = 0;
    const enough = this.#spent.find((e) => (freed += e.units) >= used + units - unitsPerWindow);
    const waitS = Math.max(1, Math.ceil(((enough?.at ?? now) + windowMs - now) / 1000));
    const status = this.#options.status ?? 403;
    return {
      status,
      reason: status === 403 ? 'userRateLimitExceeded' : 'rateLimitExceeded',
      message: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'",
      ...(this.#options.retryAfter ? { retryAfter: String(waitS) } : {}),
    };
  }
}
