/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendText } from '../sandbox/http';
import { THROTTLE_MESSAGE } from '../sandbox/onlyoffice';
import { apiError, sendApiReply } from '../sandbox/onlyoffice/envelope';

/** How a portal, or the proxy in front of it, fails a request instead of answering it. */
export type PortalFault =
	| { status: number; html: string }
	| 'throttled without Retry-After'
	| 'connection dropped'
	| 'no answer';

/** The faults, as data: what a request meets in place of the portal's answer. */
export const PORTAL_FAULTS = {
	'500 page': {
		status: 500,
		html: "<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1></body></html>",
	},
	'502 page': {
		status: 502,
		html: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
	},
	'504 page': {
		status: 504,
		html: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>',
	},
	'throttled without Retry-After': 'throttled without Retry-After',
	'connection dropped': 'connection dropped',
	'no answer': 'no answer',
} satisfies Record<string, PortalFault>;

export type PortalFaultName = keyof typeof PORTAL_FAULTS;

/** Fails the request as `fault` says. */
export function answerWithFault(req: IncomingMessage, res: ServerResponse, fault: PortalFault) {
	if (fault === 'connection dropped') {
		req.socket.destroy();
	} else if (fault === 'no answer') {
		// Held until the client gives up and closes the connection (its timeout).
	} else if (fault === 'throttled without Retry-After') {
		// The portal's own throttling answer (503), without the header that says how long to wait.
		sendApiReply(res, apiError(503, THROTTLE_MESSAGE), 'json');
	} else {
		sendText(res, fault.status, fault.html, { 'Content-Type': 'text/html; charset=utf-8' });
	}
}
