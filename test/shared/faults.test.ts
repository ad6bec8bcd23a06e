import {
	faultOf,
	sendWithRetries,
	transientFaultPolicy,
	type Answer,
	type RetryRules,
} from '../../nodes/shared/transport/faults';
import { recordWaits } from '../helpers/waits';

const read: RetryRules = { throttleStatus: 429, repeatable: true, expectsBody: true };
const create: RetryRules = { throttleStatus: 429, repeatable: false, expectsBody: false };

const answer = (statusCode: number, body: unknown = {}, headers = {}): Answer => ({
	statusCode,
	body,
	headers,
});

/** A connection the peer reset, as Node reports it. */
const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/** Answers (or throws) each attempt in turn; the last one repeats. */
function vendor(...attempts: Array<Answer | Error>) {
	let sent = 0;
	const send = async () => {
		const attempt = attempts[Math.min(sent++, attempts.length - 1)];
		if (attempt instanceof Error) throw attempt;
		return attempt;
	};
	return { send, sent: () => sent };
}

describe('transient faults › what counts as one', () => {
	it.each<[string, Answer | undefined, unknown, RetryRules, string | undefined]>([
		['the throttling status', answer(429), undefined, read, 'throttled'],
		['503', answer(503), undefined, read, 'unavailable'],
		['500', answer(500), undefined, read, 'server error'],
		['502', answer(502), undefined, read, 'server error'],
		['504', answer(504), undefined, read, 'server error'],
		['a reset connection', undefined, reset, read, 'no answer'],
		[
			'a timeout (axios)',
			undefined,
			Object.assign(new Error('timeout of 60000ms exceeded'), { code: 'ECONNABORTED' }),
			read,
			'no answer',
		],
		[
			'a reset connection kept as the cause',
			undefined,
			new Error('The connection was reset', { cause: reset }),
			read,
			'no answer',
		],
		[
			'an HTML page with 200',
			answer(200, '<html><body>Sign in</body></html>'),
			undefined,
			read,
			'unreadable',
		],
		['malformed JSON with 200', answer(200, '{"id": 12'), undefined, read, 'unreadable'],
		['an empty body where a read expects one', answer(200, ''), undefined, read, 'unreadable'],
		['an empty body after a write', answer(204, ''), undefined, create, undefined],
		['a JSON answer', answer(200, { id: 1 }), undefined, read, undefined],
		['404', answer(404, { message: 'Not found' }), undefined, read, undefined],
		['an HTML page with 404', answer(404, '<html>Not found</html>'), undefined, read, undefined],
		[
			'a failed sign-in (no answer, no network error)',
			undefined,
			new Error('did not issue an access token'),
			read,
			undefined,
		],
	])('%s', (_label, response, error, rules, fault) => {
		expect(faultOf(response, rules, error)).toBe(fault);
	});
});

describe('transient faults › retries', () => {
	const waits = recordWaits();

	it('retries a read through 5xx and a reset connection, then returns the answer', async () => {
		const { send, sent } = vendor(answer(502), reset, answer(500), answer(200, { id: 1 }));

		const outcome = await sendWithRetries(send, read);

		expect(sent()).toBe(4);
		expect(outcome).toMatchObject({ attempts: 4, fault: undefined, response: { body: { id: 1 } } });
		expect(waits).toHaveLength(3);
		// Backoff of 1, 2 and 4 s, each jittered between half and whole.
		waits.forEach((wait, index) => {
			expect(wait).toBeGreaterThanOrEqual(500 * 2 ** index);
			expect(wait).toBeLessThanOrEqual(1000 * 2 ** index);
		});
		expect(outcome.waitedMs).toBe(waits.reduce((sum, wait) => sum + wait, 0));
	});

	it('gives up after 4 attempts with the last fault, having waited at most 30 s', async () => {
		const { send, sent } = vendor(answer(504));

		const outcome = await sendWithRetries(send, read);

		expect(sent()).toBe(transientFaultPolicy.maxAttempts);
		expect(outcome).toMatchObject({
			attempts: 4,
			fault: 'server error',
			response: { statusCode: 504 },
		});
		expect(outcome.waitedMs).toBeLessThanOrEqual(transientFaultPolicy.maxTotalWaitMs);
	});

	it("waits a 503's Retry-After", async () => {
		const { send } = vendor(answer(503, {}, { 'Retry-After': '3' }), answer(200, { id: 1 }));

		await sendWithRetries(send, read);

		expect(waits).toEqual([3000]);
	});

	it('retries an unreadable answer to a read, and returns the readable one', async () => {
		const { send, sent } = vendor(answer(200, '<html>proxy</html>'), answer(200, { id: 1 }));

		const outcome = await sendWithRetries(send, read);

		expect(sent()).toBe(2);
		expect(outcome.response?.body).toEqual({ id: 1 });
	});

	it.each([
		['500', answer(500)],
		['an unreadable answer', answer(201, '<html>proxy</html>')],
		['a reset connection', reset],
	])(
		'never sends a creation twice after %s (it may have reached the vendor)',
		async (_label, fault) => {
			const { send, sent } = vendor(fault, answer(201, { id: 1 }));

			const outcome = await sendWithRetries(send, create);

			expect(sent()).toBe(1);
			expect(outcome.fault).toBeDefined();
			expect(waits).toEqual([]);
		},
	);

	it.each([
		['throttling', answer(429)],
		['503', answer(503)],
	])('sends a creation again after %s (the vendor did not take it on)', async (_label, fault) => {
		const { send, sent } = vendor(fault, answer(201, { id: 1 }));

		const outcome = await sendWithRetries(send, create);

		expect(sent()).toBe(2);
		expect(outcome.response?.body).toEqual({ id: 1 });
	});

	it('does not retry an error that is no connection failure', async () => {
		const { send, sent } = vendor(new Error('did not issue an access token'));

		const outcome = await sendWithRetries(send, read);

		expect(sent()).toBe(1);
		expect(outcome).toMatchObject({ fault: undefined, response: undefined });
		expect((outcome.error as Error).message).toBe('did not issue an access token');
	});
});
