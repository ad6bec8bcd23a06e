/**
 * The pickers' data in the ONLYOFFICE emulator: portal users (`api/2.0/people`) and the CRM
 * contacts, opportunities and cases a task may name. Fixed seed data, read-only.
 *
 *   GET people                      all users (EmployeeWraperFull); `filterValue` narrows [?]
 *   GET people/@self                the signed-in user
 *   GET people/{guid}               one user
 *   GET people/@search/{query}      users whose name or email contains the query
 *   GET crm/contact/filter          contacts (ContactWrapper); `filterValue`, `isCompany` [?]
 *   GET crm/contact/{id}
 *   GET crm/opportunity/filter      opportunities (a minimal DealWrapper: id, title, responsible, contact)
 *   GET crm/opportunity/{id}
 *   GET crm/case/filter             cases (id, title, isClosed when true)
 *   GET crm/case/{id}
 *
 * Lists page with `startIndex`/`count` and set `total`, ordered by name/title [?].
 */
import { type ApiReply, notFound } from './envelope';
import {
	displayName,
	type ModelContext,
	type OoUser,
	renderCase,
	renderContact,
	renderDeal,
	renderEmployeeFull,
} from './model';
import type { Params } from './params';

function pageOf<T>(
	items: T[],
	params: Params,
	text: (item: T) => string,
	render: (item: T) => unknown,
	xmlItem: string,
	query = params.str('filterValue') ?? '',
): ApiReply {
	const needle = query.trim().toLowerCase();
	const matches = items
		.filter((item) => text(item).toLowerCase().includes(needle))
		.sort((a, b) => text(a).localeCompare(text(b)));
	const startIndex = Math.max(0, params.int('startIndex'));
	const count = Math.max(0, params.int('count'));
	const page = matches.slice(startIndex, count > 0 ? startIndex + count : undefined);
	return {
		status: 200,
		response: page.map(render),
		paging: {
			startIndex,
			total: matches.length,
			nextIndex: count > 0 && page.length === count ? startIndex + count : undefined,
		},
		xmlItem,
	};
}

export function peopleReply(
	ctx: ModelContext,
	rest: string[],
	params: Params,
	me: OoUser,
	workFromMs: number,
): ApiReply | undefined {
	const render = (user: OoUser) => renderEmployeeFull(user, ctx.offsetMinutes, workFromMs);
	const userText = (user: OoUser) => `${displayName(user)} ${user.email}`;
	if (rest.length === 0) return pageOf(ctx.users, params, userText, render, 'person');
	if (rest.length === 1 && rest[0] === '@self') {
		return { status: 200, response: render(me), xmlItem: 'person' };
	}
	if (rest.length === 2 && rest[0] === '@search') {
		return pageOf(ctx.users, params, userText, render, 'person', rest[1]);
	}
	if (rest.length === 1 && rest[0] === 'search') {
		return pageOf(ctx.users, params, userText, render, 'person', params.str('query') ?? '');
	}
	if (rest.length === 1) {
		const user = ctx.users.find((candidate) => candidate.id === rest[0].toLowerCase());
		return user ? { status: 200, response: render(user), xmlItem: 'person' } : notFound();
	}
	return undefined;
}

/** `crm/{contact|opportunity|case}/{filter|id}`; undefined when no method matches. */
export function crmRecordReply(
	ctx: ModelContext,
	resource: string,
	rest: string[],
	params: Params,
): ApiReply | undefined {
	if (rest.length !== 1) return undefined;
	const [key] = rest;
	const byId = /^\d+$/.test(key) ? Number(key) : undefined;
	if (key !== 'filter' && byId === undefined) return undefined;
	if (resource === 'contact') {
		const render = (contact: ModelContext['contacts'][number]) =>
			renderContact(contact, ctx.contacts);
		if (byId !== undefined) {
			const contact = ctx.contacts.find((candidate) => candidate.id === byId);
			return contact ? { status: 200, response: render(contact), xmlItem: 'contact' } : notFound();
		}
		const isCompany = params.bool('isCompany');
		const contacts = ctx.contacts.filter(
			(contact) => isCompany === undefined || contact.isCompany === isCompany,
		);
		return pageOf(contacts, params, (contact) => contact.displayName, render, 'contact');
	}
	if (resource === 'opportunity') {
		const render = (deal: ModelContext['deals'][number]) => renderDeal(deal, ctx);
		if (byId !== undefined) {
			const deal = ctx.deals.find((candidate) => candidate.id === byId);
			return deal ? { status: 200, response: render(deal), xmlItem: 'opportunity' } : notFound();
		}
		return pageOf(ctx.deals, params, (deal) => deal.title, render, 'opportunity');
	}
	if (resource === 'case') {
		if (byId !== undefined) {
			const item = ctx.cases.find((candidate) => candidate.id === byId);
			return item ? { status: 200, response: renderCase(item), xmlItem: 'case' } : notFound();
		}
		return pageOf(ctx.cases, params, (item) => item.title, renderCase, 'case');
	}
	return undefined;
}
