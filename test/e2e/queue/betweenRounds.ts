/* eslint-disable @n8n/community-nodes/no-restricted-globals -- local tooling, not shipped */
import type { Vendor } from '../n8n';

/** A meeting point of checks that run side by side, and the promise of what it does. */
export interface MeetingPoint {
	/** Awaited by each check: resolves once `act` has run. */
	arrive: (vendor: Vendor) => Promise<void>;
	/** Resolves once `act` has run. */
	acted: Promise<void>;
}

/**
 * A meeting point for the trigger checks that run side by side: each awaits it between its two
 * rounds of changes. Once every check arrived (or `timeoutMs` after the first did, so that one
 * failed check does not hold up the others), `act` runs once and they all go on.
 */
export function meetingPoint(
	participants: number,
	act: (arrived: Vendor[]) => Promise<void>,
	timeoutMs: number,
): MeetingPoint {
	const arrived: Vendor[] = [];
	let release!: () => void;
	const allThere = new Promise<void>((resolve) => (release = resolve));
	const acted = allThere.then(async () => await act([...arrived]));
	return {
		acted,
		arrive: async (vendor) => {
			arrived.push(vendor);
			if (arrived.length === 1) setTimeout(release, timeoutMs).unref();
			if (arrived.length >= participants) release();
			await acted;
		},
	};
}
