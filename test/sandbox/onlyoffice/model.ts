/**
 * Records of the ONLYOFFICE emulator and their JSON shapes (CommunityServer
 * `ASC.Api.CRM/Wrappers/TaskWrapper.cs`, `TaskCategoryWrapper`, `EmployeeWraper`,
 * `ContactBaseWithEmailWrapper`; vendors.md §3.2; the subset OpenAPI).
 *
 * Casing: the OpenAPI shows PascalCase (`Title`, `DeadLine`); the JSON the server writes is
 * camelCase (`title`, `deadLine`, `isClosed`) per third-party clients [?]. The emulator answers
 * camelCase, with the wrapper's own spellings: `createBy` (not `createdBy`), `deadLine`.
 *
 * `TaskWrapper` members are `EmitDefaultValue = false`: a `false`, `0` or null member is left
 * out. So an open task has NO `isClosed` key, `alertValue: 0` is left out, a task without a
 * description, contact or entity has no such key (read as: missing = false/0/none).
 */
import { formatApiDate } from './dates';

export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const AVATAR_SMALL = '/skins/default/images/default_user_photo_size_32-32.png';
const AVATAR_MEDIUM = '/skins/default/images/default_user_photo_size_48-48.png';
const AVATAR = '/skins/default/images/default_user_photo_size_82-82.png';
const CATEGORY_IMAGE_DIR = '/Products/CRM/App_Themes/default/images/';
export const DEFAULT_CATEGORY_IMAGE = 'task_category_note.png'; // [?]

export interface OoUser {
	id: string;
	userName: string;
	firstName: string;
	lastName: string;
	email: string;
	title: string;
	department: string;
	isAdmin: boolean;
	isOwner: boolean;
}

export interface OoContact {
	id: number;
	isCompany: boolean;
	/** Company name, or first + last name. */
	displayName: string;
	firstName?: string;
	lastName?: string;
	title?: string;
	/** A person's company (contact id). */
	companyId?: number;
	email: string;
}

export interface OoDeal {
	id: number;
	title: string;
	contactId: number;
	responsibleId: string;
}

export interface OoCase {
	id: number;
	title: string;
	isClosed: boolean;
}

export interface OoCategory {
	id: number;
	title: string;
	description: string | null;
	color: string;
	imageName: string;
	sortOrder: number;
}

export type TaskEntityType = '' | 'opportunity' | 'case';

export interface OoTask {
	id: number;
	title: string;
	description: string | null;
	deadLineMs: number;
	/** GUID; EMPTY_GUID when the request named none. */
	responsibleId: string;
	categoryId: number;
	/** 0 = none. */
	contactId: number;
	entityType: TaskEntityType;
	/** 0 = none. */
	entityId: number;
	isClosed: boolean;
	alertValue: number;
	createdMs: number;
	createById: string;
	/** Kept by the DAO but not shown by TaskWrapper (no last-modified field in the API). */
	lastModifiedMs: number;
}

export interface ModelContext {
	users: OoUser[];
	contacts: OoContact[];
	deals: OoDeal[];
	cases: OoCase[];
	categories: Map<number, OoCategory>;
	tasks: Map<number, OoTask>;
	offsetMinutes: number;
}

export const displayName = (user: OoUser) => `${user.firstName} ${user.lastName}`;

/** `EmployeeWraper`: `{id, displayName, title, avatarSmall, profileUrl}`. */
export function renderEmployee(users: OoUser[], id: string) {
	const user = users.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
	// An unknown or empty GUID renders like the server's "lost user" [?].
	if (!user) {
		return {
			id,
			displayName: 'Unknown user',
			title: '',
			avatarSmall: AVATAR_SMALL,
			profileUrl: '',
		};
	}
	return {
		id: user.id,
		displayName: displayName(user),
		title: user.title,
		avatarSmall: AVATAR_SMALL,
		profileUrl: `/Products/People/Profile.aspx?user=${encodeURIComponent(user.userName)}`,
	};
}

/** `EmployeeWraperFull` (people/@self, people): the fields a client is likely to read. */
export function renderEmployeeFull(user: OoUser, offsetMinutes: number, workFromMs: number) {
	return {
		...renderEmployee([user], user.id),
		firstName: user.firstName,
		lastName: user.lastName,
		userName: user.userName,
		email: user.email,
		status: 1,
		activationStatus: 1,
		department: user.department,
		workFrom: formatApiDate(workFromMs, offsetMinutes),
		avatarMedium: AVATAR_MEDIUM,
		avatar: AVATAR,
		isAdmin: user.isAdmin,
		isOwner: user.isOwner,
		isVisitor: false,
		isLDAP: false,
		isSSO: false,
		cultureName: 'en-US',
	};
}

/** `ContactBaseWithEmailWrapper`, as a task's `contact`. */
export function renderContactBase(contact: OoContact) {
	return {
		id: contact.id,
		email: {
			id: contact.id * 10 + 1,
			infoType: 1,
			category: 0,
			data: contact.email,
			categoryName: 'Work',
			isPrimary: true,
		},
		smallFotoUrl: `/Products/CRM/HttpHandlers/filehandler.ashx?action=contactphotoulr&cid=${contact.id}&isc=${contact.isCompany}&ps=1`,
		mediumFotoUrl: `/Products/CRM/HttpHandlers/filehandler.ashx?action=contactphotoulr&cid=${contact.id}&isc=${contact.isCompany}&ps=2`,
		displayName: contact.displayName,
		isCompany: contact.isCompany,
		accessList: [],
		isPrivate: false,
		isShared: false,
		shareType: 0,
		canEdit: true,
		canDelete: true,
	};
}

/** `ContactWrapper` (crm/contact/filter, crm/contact/{id}): base plus person/company fields. */
export function renderContact(contact: OoContact, contacts: OoContact[]) {
	const company = contacts.find((candidate) => candidate.id === contact.companyId);
	return {
		...renderContactBase(contact),
		...(contact.isCompany
			? { companyName: contact.displayName }
			: {
					firstName: contact.firstName,
					lastName: contact.lastName,
					title: contact.title,
					...(company ? { company: renderContactBase(company) } : {}),
				}),
	};
}

export function renderDeal(deal: OoDeal, ctx: ModelContext) {
	const contact = ctx.contacts.find((candidate) => candidate.id === deal.contactId);
	return {
		id: deal.id,
		title: deal.title,
		responsible: renderEmployee(ctx.users, deal.responsibleId),
		...(contact ? { contact: renderContactBase(contact) } : {}),
	};
}

export function renderCase(item: OoCase) {
	return { id: item.id, title: item.title, ...(item.isClosed ? { isClosed: true } : {}) };
}

/** `TaskCategoryBaseWrapper`; `withCount` adds `relativeItemsCount` (`TaskCategoryWrapper`). */
export function renderCategory(category: OoCategory, ctx: ModelContext, withCount: boolean) {
	const out: Record<string, unknown> = { id: category.id, title: category.title };
	if (category.description) out.description = category.description;
	out.color = category.color;
	out.sortOrder = category.sortOrder;
	out.imagePath = CATEGORY_IMAGE_DIR + category.imageName;
	if (withCount) {
		out.relativeItemsCount = [...ctx.tasks.values()].filter(
			(task) => task.categoryId === category.id,
		).length;
	}
	return out;
}

/** `EntityWrapper` for an opportunity or case the task names, if it exists. */
function renderEntity(task: OoTask, ctx: ModelContext) {
	if (task.entityId <= 0) return undefined;
	const record =
		task.entityType === 'opportunity'
			? ctx.deals.find((deal) => deal.id === task.entityId)
			: task.entityType === 'case'
				? ctx.cases.find((item) => item.id === task.entityId)
				: undefined;
	return record && { entityType: task.entityType, entityId: record.id, entityTitle: record.title };
}

export type RenderedTask = Record<string, unknown> & { id: number; title: string };

/**
 * `TaskWrapper`. `single` (the one-task methods, via `ToTaskWrapper`) renders the category as
 * `TaskCategoryWrapper` with `relativeItemsCount`; the filter (`ToTaskListWrapper`) renders
 * `TaskCategoryBaseWrapper` without it (CRMApi.Tasks.cs).
 */
export function renderTask(task: OoTask, ctx: ModelContext, single: boolean): RenderedTask {
	const out: Record<string, unknown> = { id: task.id };
	out.createBy = renderEmployee(ctx.users, task.createById);
	out.created = formatApiDate(task.createdMs, ctx.offsetMinutes);
	const contact = ctx.contacts.find((candidate) => candidate.id === task.contactId);
	if (task.contactId > 0 && contact) out.contact = renderContactBase(contact);
	out.title = task.title;
	if (task.description !== null) out.description = task.description;
	out.deadLine = formatApiDate(task.deadLineMs, ctx.offsetMinutes);
	if (task.alertValue) out.alertValue = task.alertValue;
	out.responsible = renderEmployee(ctx.users, task.responsibleId);
	if (task.isClosed) out.isClosed = true;
	const category = ctx.categories.get(task.categoryId);
	if (category) out.category = renderCategory(category, ctx, single);
	const entity = renderEntity(task, ctx);
	if (entity) out.entity = entity;
	out.canEdit = true;
	return out as RenderedTask;
}
