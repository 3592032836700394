/**
 * Requests per second per contract, as a token bucket: a contract may burst up to one second's
 * worth of calls, then gets one call every 1/rate seconds. Kept in this process's memory (one
 * bucket per node): with N nodes behind a balancer a contract gets at most N times its rate,
 * which the README states; a shared bucket in PostgreSQL would cost a write per call.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly maxBuckets = 100_000) {}

  /** Takes one call. Outcomes: 0 when allowed; else the seconds to wait (at least 1). */
  take(key: string, ratePerSecond: number, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { tokens: ratePerSecond, at: nowMs };
    const refilled = Math.min(
      ratePerSecond,
      bucket.tokens + ((nowMs - bucket.at) / 1000) * ratePerSecond,
    );
    if (this.buckets.size >= this.maxBuckets && !this.buckets.has(key)) this.buckets.clear();
    if (refilled >= 1) {
      this.buckets.set(key, { tokens: refilled - 1, at: nowMs });
      return 0;
    }
    this.buckets.set(key, { tokens: refilled, at: nowMs });
    return Math.max(1, Math.ceil((1 - refilled) / ratePerSecond));
  }
}
