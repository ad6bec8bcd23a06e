/**
 * A small seeded random source (a 32-bit mix), so that a randomized run can be replayed from its
 * seed when it fails.
 */
export interface Random {
	/** A number in [0, 1). */
	next(): number;
	/** A whole number in [min, max]. */
	between(min: number, max: number): number;
	/** True with the given probability. */
	chance(probability: number): boolean;
	/** One of the values. */
	pick<T>(values: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
		return state / 0x100000000;
	};
	return {
		next,
		between: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (probability) => next() < probability,
		pick: (values) => values[Math.floor(next() * values.length)],
	};
}
