/**
 * Copper throttling (vendors.md §2.1, §9): HTTP 429 with no Retry-After. Two triggers: the next
 * N requests (control API), and an optional rolling-window rate limit (Copper's is 180 requests
 * a minute; off by default so tests are not slowed).
 */
export class Throttle {
	/** The next `remaining` vendor requests answer 429. */
	remaining = 0;
	rate?: { limit: number; windowSeconds: number; hits: number[] };

	/** Whether this request, arriving at `nowMs`, is refused. */
	refuse(nowMs: number): boolean {
		if (this.remaining > 0) {
			this.remaining--;
			return true;
		}
		if (!this.rate) return false;
		const windowStart = nowMs - this.rate.windowSeconds * 1000;
		this.rate.hits = this.rate.hits.filter((hit) => hit > windowStart);
		// A refused request does not count against the window [?].
		if (this.rate.hits.length >= this.rate.limit) return true;
		this.rate.hits.push(nowMs);
		return false;
	}

	setRate(limit: number | null, windowSeconds = 60): void {
		this.rate = limit === null ? undefined : { limit, windowSeconds, hits: [] };
	}

	snapshot() {
		const { rate } = this;
		return {
			remaining: this.remaining,
			rate: rate && { limit: rate.limit, windowSeconds: rate.windowSeconds },
		};
	}
}
