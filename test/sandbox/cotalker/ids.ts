/**
 * Mongo ObjectIds for the Cotalker emulator (vendors.md §4.3: every reference is an ObjectId,
 * 24 hex digits; the SDK's `objectId` schema is `^[a-fA-F0-9]{24}$`). Ids are deterministic: a
 * fixed timestamp prefix, a two-byte kind and a counter, so seeded ids never change.
 */

export const OBJECT_ID_PATTERN = /^[a-fA-F0-9]{24}$/;

export function isObjectId(value: unknown): value is string {
	return typeof value === 'string' && OBJECT_ID_PATTERN.test(value);
}

/** What an id names; the kind is its 9th–12th hex digits, so ids of different kinds never clash. */
export const KIND = {
	company: 0x0c00,
	user: 0x0a00,
	group: 0x0b00,
	taskGroup: 0x0d00,
	property: 0x0e00,
	state: 0x0f00,
	stateMachine: 0x0f10,
	task: 0x0100,
	channel: 0x0200,
	stateChange: 0x0300,
} as const;

/** `6a1e0000` (a fixed creation second) + kind (4 hex) + counter (12 hex). */
export function objectId(kind: number, counter: number): string {
	return (
		'6a1e0000' +
		kind.toString(16).padStart(4, '0') +
		counter.toString(16).padStart(12, '0')
	).toLowerCase();
}

/**
 * A deterministic but non-chronological order key for an id (FNV-1a over its characters): the
 * v2 task list is not sorted by creation or modification (only `name` is a documented sort), so
 * the emulator lists tasks in this order to keep clients from relying on one.
 */
export function scrambleKey(id: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < id.length; index++) {
		hash ^= id.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * Each id's scramble key, hashed once: a sort of 100,000 tasks compares each id some 17 times.
 * Ids are deterministic, so the same few recur from one emulator to the next.
 */
const scrambled = new Map<string, number>();

function scrambleKeyOf(id: string): number {
	let key = scrambled.get(id);
	if (key === undefined) scrambled.set(id, (key = scrambleKey(id)));
	return key;
}

export function byScramble<T extends { _id: string }>(a: T, b: T): number {
	return scrambleKeyOf(a._id) - scrambleKeyOf(b._id) || a._id.localeCompare(b._id);
}
