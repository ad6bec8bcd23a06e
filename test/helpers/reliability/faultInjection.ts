/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling, not shipped */
import type { ServerResponse } from 'node:http';

import type { Handler } from './faultyServer';

/**
 * One faulty answer: a status with a body as raw text (and the vendor's message in it, if it is
 * the vendor's own error), or no answer until the client gives up.
 */
export type FaultyAnswer =
	| {
			status: number;
			body: string;
			contentType: string;
			headers?: Record<string, string>;
			message?: string;
	  }
	| 'no answer';

/** How a vendor words an error in its JSON body, e.g. `{ message }`. */
export type ErrorBody = (message: string) => unknown;

/** A transient fault as a vendor, or a proxy in front of it, shows it. */
export interface FaultKind {
	name: string;
	/** What the faulty request gets, attempt after attempt; the last answer repeats if it never clears. */
	answers: FaultyAnswer[];
}

/** The vendor's own error, in the form its errors take. */
const vendorError =
	(errorBody: ErrorBody) =>
	(status: number, message: string, headers?: Record<string, string>): FaultyAnswer => ({
		status,
		body: JSON.stringify(errorBody(message)),
		contentType: 'application/json; charset=utf-8',
		headers,
		message,
	});
const html = (status: number): FaultyAnswer => ({
	status,
	body: `<html><head><title>${status}</title></head><body><h1>Service unavailable</h1></body></html>`,
	contentType: 'text/html; charset=utf-8',
});

/** The faults every request is put through (issue 11, "Faults, on every operation"). */
export function faultKinds(throttleStatus: number, errorBody: ErrorBody): FaultKind[] {
	const json = vendorError(errorBody);
	return [
		{
			name: `throttling (${throttleStatus}) with Retry-After`,
			answers: [1, 2].map(() => json(throttleStatus, 'Too many requests', { 'Retry-After': '1' })),
		},
		{
			name: `throttling (${throttleStatus}) without Retry-After`,
			answers: [1, 2].map(() => json(throttleStatus, 'Too many requests')),
		},
		{
			name: 'a burst of 502, 503, 500',
			answers: [502, 503, 500].map((status) => json(status, `Injected HTTP ${status}`)),
		},
		{ name: 'a slow answer past the timeout', answers: ['no answer'] },
		{
			name: 'malformed JSON',
			answers: [
				{ status: 200, body: '{"id": 12, "name": "cut o', contentType: 'application/json' },
			],
		},
		{ name: 'an HTML page with 200', answers: [html(200)] },
		{ name: 'an HTML page with 502', answers: [html(502)] },
		{
			name: 'an empty body',
			answers: [{ status: 200, body: '', contentType: 'application/json' }],
		},
	];
}

/** How long a request that gets no answer is held before its connection is closed anyway. */
const HOLD_MS = 5_000;

function answer(res: ServerResponse, faulty: FaultyAnswer) {
	if (faulty === 'no answer') {
		const hold = setTimeout(() => res.destroy(), HOLD_MS);
		res.on('close', () => clearTimeout(hold));
		return;
	}
	res.writeHead(faulty.status, {
		'Content-Type': faulty.contentType,
		'Content-Length': Buffer.byteLength(faulty.body),
		...faulty.headers,
	});
	res.end(faulty.body);
}

/** Which requests a fault strikes, and whether it clears. */
export interface Injection {
	kind: FaultKind;
	/**
	 * Whether the fault strikes a request: `index` is its place among the requests of a run without
	 * faults (0 first), `request` is "METHOD /path".
	 */
	strikes: (index: number, request: string) => boolean;
	clears: boolean;
}

/**
 * An emulator with faulty requests: each request the fault strikes gets the fault's answers in
 * turn, attempt after attempt (its retries follow it at once); once they are used up the fault
 * clears and the emulator answers, or, if it never clears, the last answer repeats. Every request
 * is logged as "METHOD /path".
 */
export function withFault(emulator: Handler, injection?: Injection) {
	const requests: string[] = [];
	/** Requests the emulator answered: the place of the next one in a run without faults. */
	let answered = 0;
	/** Faulty answers the request under way got so far. */
	let struck = 0;
	const handler: Handler = (req, res) => {
		const request = `${req.method} ${req.url}`;
		requests.push(request);
		if (injection?.strikes(answered, request)) {
			const { answers } = injection.kind;
			if (struck < answers.length || !injection.clears) {
				answer(res, answers[Math.min(struck++, answers.length - 1)]);
				return;
			}
		}
		struck = 0;
		answered++;
		emulator(req, res);
	};
	return { handler, requests };
}
