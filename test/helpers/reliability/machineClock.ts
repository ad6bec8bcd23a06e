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

export function fakeMachineClock(start: Date): MachineClock {
	jest.useFakeTimers({
		now: start,
		advanceTimers: true,
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
