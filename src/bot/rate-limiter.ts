/** Outcome of one message against the limit. */
export type RateDecision = 'allow' | 'warn' | 'drop';

/**
 * A per-conversation fixed-window limit (default 30 messages a minute). The first message over the limit gets one
 * "please slow down"; the rest are dropped until the window passes. Other conversations are never affected.
 * Counters live in this process only: with several instances each enforces its own share, which is enough to stop
 * a runaway client without shared state.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxTracked = 50_000,
  ) {}

  check(key: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size >= this.maxTracked) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return 'allow';
    return window.count === this.limit + 1 ? 'warn' : 'drop';
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
    if (this.windows.size >= this.maxTracked) this.windows.clear();
  }
}
