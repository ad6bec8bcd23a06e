/* eslint-disable @n8n/community-nodes/no-restricted-imports -- local tooling, not shipped */
/**
 * The ONLYOFFICE API envelope (`ApiStandartResponce` in CommunityServer `ASC.Api.Impl`,
 * vendors.md §3.1) and its JSON and XML renderings.
 *
 * Members in DataMember order: `count` (10), `startIndex` (11), `nextIndex` (12), `total` (13),
 * `status` (100), `statusCode` (101), `response` (200), `error` (210). All but `status` have
 * `EmitDefaultValue = false`, so `count: 0` and `startIndex: 0` are left out (an empty list
 * answers without `count`).
 *
 * Errors (`ErrorWrapper`): `{message}`; `type` and `stack` only in DEBUG builds of the server,
 * so the emulator adds them only with `errorDetail` on [?] (some portals add `hresult` [?]).
 *
 * Format: XML unless the path ends in `.json` or `Accept` names `application/json`
 * (basic-concepts.md); a `.xml` suffix forces XML. The XML is `DataContract`-like: root
 * `<result>`, one element per member, array items named by their contract (`<task>`, ...) [?],
 * no element for a null; Content-Type `text/xml` [?].
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendJson, sendText } from '../http';

export interface ApiError {
	message: string;
	type?: string;
	stack?: string;
}

/** What an ONLYOFFICE route answers, before it is wrapped and rendered. */
export interface ApiReply {
	status: number;
	response?: unknown;
	/** List paging members; `total` only when the method set it. */
	paging?: { startIndex: number; nextIndex?: number; total?: number };
	error?: ApiError;
	headers?: Record<string, string>;
	/** XML element name of each array item (`task`, `taskCategory`, ...); default `entry`. */
	xmlItem?: string;
}

export type ResponseFormat = 'json' | 'xml';

export const DEFAULT_ERROR_TYPES: Record<number, string> = {
	400: 'System.ArgumentException',
	401: 'System.Security.Authentication.AuthenticationException',
	403: 'System.Security.SecurityException',
	404: 'ASC.Api.Exceptions.ItemNotFoundException',
	405: 'System.Web.HttpException',
	500: 'System.Exception',
	503: 'System.Web.HttpException',
};

/** `new ArgumentException()`'s .NET message, what the CRM API answers for bad input [?]. */
export const ARGUMENT_MESSAGE = 'Value does not fall within the expected range.';
export const NOT_FOUND_MESSAGE = 'The record could not be found'; // [?]
export const CATEGORY_NOT_FOUND_MESSAGE = 'The task category could not be found'; // [?]
export const UNAUTHORIZED_MESSAGE = 'Unauthorized'; // [?]
export const SIGN_IN_FAILED_MESSAGE = 'User authentication failed'; // [?]
export const THROTTLE_MESSAGE = 'Too many requests. Please try again later.'; // [?]
export const METHOD_NOT_FOUND_MESSAGE = 'Method not found'; // [?]

export function apiError(status: number, message: string): ApiReply {
	return { status, error: { message } };
}

export const badArgument = (message = ARGUMENT_MESSAGE) => apiError(400, message);
export const notFound = (message = NOT_FOUND_MESSAGE) => apiError(404, message);

/** The envelope object, members in the server's order, defaults left out. */
export function envelope(reply: ApiReply, errorDetail = false): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const { response } = reply;
	const count = Array.isArray(response) ? response.length : response === undefined ? 0 : 1;
	if (count) out.count = count;
	if (reply.paging?.startIndex) out.startIndex = reply.paging.startIndex;
	if (reply.paging?.nextIndex !== undefined) out.nextIndex = reply.paging.nextIndex;
	if (reply.paging?.total !== undefined) out.total = reply.paging.total;
	out.status = reply.error ? 1 : 0;
	out.statusCode = reply.status;
	if (response !== undefined) out.response = response;
	if (reply.error) {
		out.error = errorDetail
			? {
					message: reply.error.message,
					type: reply.error.type ?? DEFAULT_ERROR_TYPES[reply.status] ?? 'System.Exception',
					stack: reply.error.stack ?? '   at ASC.Api.ApiHttpHandler.ProcessRequest()',
				}
			: { message: reply.error.message };
	}
	return out;
}

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function xmlValue(name: string, value: unknown, itemName: string): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) {
		const items = value.map((item) => xmlValue(itemName, item, 'entry')).join('');
		return `<${name}>${items}</${name}>`;
	}
	if (typeof value === 'object') {
		const inner = Object.entries(value as Record<string, unknown>)
			.map(([key, child]) => xmlValue(key, child, 'entry'))
			.join('');
		return `<${name}>${inner}</${name}>`;
	}
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Minimal XML rendering of an envelope. */
export function renderXml(body: Record<string, unknown>, itemName = 'entry'): string {
	const inner = Object.entries(body)
		.map(([key, value]) => xmlValue(key, value, key === 'response' ? itemName : 'entry'))
		.join('');
	return `<?xml version="1.0" encoding="utf-8"?><result>${inner}</result>`;
}

/** Strips a `.json`/`.xml` suffix from the path and picks the answer format. */
export function negotiate(
	req: IncomingMessage,
	pathname: string,
): { format: ResponseFormat; pathname: string } {
	const suffix = /\.(json|xml)$/i.exec(pathname);
	if (suffix) {
		return {
			format: suffix[1].toLowerCase() as ResponseFormat,
			pathname: pathname.slice(0, -suffix[0].length),
		};
	}
	const accept = String(req.headers.accept ?? '').toLowerCase();
	return { format: accept.includes('application/json') ? 'json' : 'xml', pathname };
}

export function sendApiReply(
	res: ServerResponse,
	reply: ApiReply,
	format: ResponseFormat,
	errorDetail = false,
): void {
	const body = envelope(reply, errorDetail);
	if (format === 'json') return sendJson(res, reply.status, body, reply.headers);
	sendText(res, reply.status, renderXml(body, reply.xmlItem), {
		'Content-Type': 'text/xml; charset=utf-8',
		...reply.headers,
	});
}
