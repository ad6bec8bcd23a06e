/**
 * ONLYOFFICE throttling (vendors.md §3.1, basic-concepts.md): 500 requests per 10 s per IP and
 * account, then HTTP 503 with `Retry-After`. The counting (the next N requests, sign-in
 * included, and an optional rolling window, off by default) is the Copper sandbox's; this adds
 * the `Retry-After` value (default 1 s; 0 allowed).
 */
import { Throttle as CountingThrottle } from '../copper/throttle';

export class Throttle extends CountingThrottle {
	retryAfterSeconds = 1;

	snapshot() {
		return { ...super.snapshot(), retryAfterSeconds: this.retryAfterSeconds };
	}
}
