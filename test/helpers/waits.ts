import { pauses, sendWithRetries, type Answer } from '../../nodes/shared/transport/faults';
import type { RetryPolicy } from '../../nodes/shared/transport/throttling';

/**
 * Records every wait the transport takes between attempts, without sleeping, in each test of the
 * describe it is called in. Returns the list, emptied before each test.
 */
export function recordWaits(): number[] {
	const waits: number[] = [];
	const sleep = pauses.wait;
	beforeEach(() => {
		waits.length = 0;
		pauses.wait = async (ms) => {
			waits.push(ms);
		};
	});
	afterEach(() => {
		pauses.wait = sleep;
	});
	return waits;
}

/**
 * The transport's retries as throttling sees them (a request safe to repeat): waits through
 * `wait`, and tells whether the last answer was still throttled.
 */
export async function waitOutThrottling<R extends Answer>(
	send: () => Promise<R>,
	throttleStatus: number,
	throttlePolicy: RetryPolicy | undefined,
	wait: (ms: number) => Promise<void>,
) {
	const sleep = pauses.wait;
	pauses.wait = wait;
	try {
		const outcome = await sendWithRetries(send, {
			throttleStatus,
			throttlePolicy,
			repeatable: true,
			expectsBody: false,
		});
		return {
			...outcome,
			response: outcome.response!,
			stillThrottled: outcome.fault === 'throttled',
		};
	} finally {
		pauses.wait = sleep;
	}
}
