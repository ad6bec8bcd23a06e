/**
 * This machine's clock as n8n and the nodes read it (Date), set by a test to stand some way off a
 * vendor's clock. Timers stay real (only Date is faked, and it keeps moving with real time), so
 * HTTP, sleeps and timeouts behave as without it.
 */
export interface MachineClock {
	/** Sets this machine's clock to `at`; it moves on from there. */
	set(at: Date): void;
	/** Gives Date back its real clock. */
	restore(): void;
}

/**
 * `frozen`: Date stands still at `start` (until set again), for runs that must stamp the same
 * times each time they are repeated.
 */
export function fakeMachineClock(start: Date, { frozen = false } = {}): MachineClock {
	jest.useFakeTimers({
		now: start,
		advanceTimers: !frozen,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
	return {
		set: (at) => jest.setSystemTime(at),
		restore: () => jest.useRealTimers(),
	};
}
