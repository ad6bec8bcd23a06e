/**
 * CRM task and task-category methods of the ONLYOFFICE emulator (CRMApi.Tasks.cs,
 * CRMApi.ListItem.cs, TaskDao.SaveOrUpdateTaskInDb; vendors.md §3.2).
 *
 * Create (`POST crm/task`, 201) and update (`PUT crm/task/{id}`, 200) share the checks:
 * `entityType` must be empty, `opportunity` or `case` (else 400), `categoryId` > 0 (else 400)
 * and exist (else 404), `title` non-empty and `deadline` a date (else 400, from the DAO).
 * `responsibleId` is not checked: none or a bad GUID stores the empty GUID [?].
 *
 * UPDATE IS A FULL REPLACE: the server builds a new Task from the parameters it got, so an
 * omitted `description`, `contactid`, `entityType`/`entityid`, `alertValue`, `responsibleid`
 * is wiped (null/0/empty GUID). Only `created`, `createBy` and `isClosed` survive. A PUT for an
 * id that does not exist INSERTS a new task with a new id (the DAO's "save or update") [?].
 *
 * Categories: list sorted by `sortOrder` then id; create needs `title` (201); update is a full
 * replace as well [?] (omitted description wiped, imageName back to the default, sortOrder 0);
 * delete takes `newcategoryid` (query/body, or the path form `category/{id}/{newcategoryid}`
 * [?]); tasks in the category move to it; without a valid, different target while tasks use
 * the category it answers 400 [?]. It answers the deleted category.
 */
import { parseApiDate } from './dates';
import { type ApiReply, badArgument, CATEGORY_NOT_FOUND_MESSAGE, notFound } from './envelope';
import {
	DEFAULT_CATEGORY_IMAGE,
	EMPTY_GUID,
	type ModelContext,
	type OoCategory,
	type OoTask,
	renderCategory,
	renderTask,
	type TaskEntityType,
} from './model';
import type { Params } from './params';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TaskStore extends ModelContext {
	nextTaskId: number;
	nextCategoryId: number;
	nowMs: number;
	/** The signed-in user's GUID. */
	userId: string;
}

/** Builds a Task from create/update parameters; an error reply when the server would refuse. */
export function taskFromParams(
	store: TaskStore,
	params: Params,
	base: Pick<OoTask, 'id' | 'createdMs' | 'createById' | 'isClosed'>,
): OoTask | ApiReply {
	const entityType = (params.str('entityType') ?? '').trim().toLowerCase();
	const categoryId = params.int('categoryId');
	if (
		(entityType !== '' && entityType !== 'opportunity' && entityType !== 'case') ||
		categoryId <= 0
	) {
		return badArgument();
	}
	if (!store.categories.has(categoryId)) return notFound(CATEGORY_NOT_FOUND_MESSAGE);
	const title = params.str('title') ?? '';
	const deadLineMs = parseApiDate(params.str('deadline'), store.offsetMinutes);
	if (title === '' || deadLineMs === undefined) return badArgument();
	const responsible = (params.str('responsibleId') ?? '').trim();
	return {
		...base,
		title,
		description: params.str('description') ?? null,
		deadLineMs,
		responsibleId: GUID.test(responsible) ? responsible.toLowerCase() : EMPTY_GUID,
		categoryId,
		contactId: Math.max(0, params.int('contactId')),
		entityType: entityType as TaskEntityType,
		entityId: Math.max(0, params.int('entityId')),
		alertValue: params.int('alertValue'),
		lastModifiedMs: store.nowMs,
	};
}

const single = (store: TaskStore, task: OoTask, status = 200): ApiReply => ({
	status,
	response: renderTask(task, store, true),
	xmlItem: 'task',
});

export function createTask(store: TaskStore, params: Params): ApiReply {
	const result = taskFromParams(store, params, {
		id: store.nextTaskId,
		createdMs: store.nowMs,
		createById: store.userId,
		isClosed: false,
	});
	if ('status' in result) return result;
	store.tasks.set(result.id, result);
	store.nextTaskId = result.id + 1;
	return single(store, result, 201);
}

export function updateTask(store: TaskStore, id: number, params: Params): ApiReply {
	const existing = store.tasks.get(id);
	const result = taskFromParams(store, params, {
		id: existing ? id : store.nextTaskId,
		createdMs: existing?.createdMs ?? store.nowMs,
		createById: existing?.createById ?? store.userId,
		isClosed: existing?.isClosed ?? false,
	});
	if ('status' in result) return result;
	store.tasks.set(result.id, result);
	store.nextTaskId = Math.max(store.nextTaskId, result.id + 1);
	return single(store, result);
}

export function taskByIdReply(
	store: TaskStore,
	method: string,
	id: number,
	action: string | undefined,
	params: Params,
): ApiReply | undefined {
	const task = store.tasks.get(id);
	if (action === 'close' || action === 'reopen') {
		if (method !== 'PUT') return undefined;
		if (!task) return notFound(); // [?] the server may answer 400 or 500 here
		task.isClosed = action === 'close';
		task.lastModifiedMs = store.nowMs;
		return single(store, task);
	}
	if (action !== undefined) return undefined;
	if (method === 'GET') return task ? single(store, task) : notFound();
	if (method === 'PUT') return updateTask(store, id, params);
	if (method === 'DELETE') {
		if (!task) return notFound();
		const reply = single(store, task);
		store.tasks.delete(id);
		return reply;
	}
	return undefined;
}

function sortedCategories(store: TaskStore): OoCategory[] {
	return [...store.categories.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

const categoryReply = (store: TaskStore, category: OoCategory, status = 200): ApiReply => ({
	status,
	response: renderCategory(category, store, true),
	xmlItem: 'taskCategory',
});

const categoryList = (store: TaskStore): ApiReply => ({
	status: 200,
	response: sortedCategories(store).map((category) => renderCategory(category, store, true)),
	xmlItem: 'taskCategory',
});

function categoryFromParams(id: number, params: Params): OoCategory | ApiReply {
	const title = params.str('title') ?? '';
	if (title.trim() === '') return badArgument();
	return {
		id,
		title,
		description: params.str('description') ?? null,
		color: '',
		imageName: params.str('imageName') || DEFAULT_CATEGORY_IMAGE,
		sortOrder: params.int('sortOrder'),
	};
}

/** `crm/task/category[/...]`; undefined when no method matches. */
export function categoryReplyFor(
	store: TaskStore,
	method: string,
	rest: string[],
	params: Params,
): ApiReply | undefined {
	if (rest.length === 0) {
		if (method === 'GET') return categoryList(store);
		if (method !== 'POST') return undefined;
		const result = categoryFromParams(store.nextCategoryId, params);
		if ('status' in result) return result;
		store.categories.set(result.id, result);
		store.nextCategoryId = result.id + 1;
		return categoryReply(store, result, 201);
	}
	if (rest.length === 1 && rest[0] === 'reorder') {
		if (method !== 'PUT') return undefined;
		const titles = params.list('titles');
		const ordered = [
			...titles.flatMap((title) =>
				sortedCategories(store).filter((category) => category.title === title),
			),
			...sortedCategories(store).filter((category) => !titles.includes(category.title)),
		];
		ordered.forEach((category, index) => (category.sortOrder = index));
		return categoryList(store);
	}
	if (!/^\d+$/.test(rest[0])) return undefined;
	const id = Number(rest[0]);
	const category = store.categories.get(id);
	if (rest.length === 2 && rest[1] === 'icon') {
		if (method !== 'PUT') return undefined;
		if (!category) return notFound(CATEGORY_NOT_FOUND_MESSAGE);
		category.imageName = params.str('imageName') || DEFAULT_CATEGORY_IMAGE;
		return categoryReply(store, category);
	}
	if (rest.length === 2 && /^\d+$/.test(rest[1]) && method === 'DELETE') {
		return deleteCategory(store, id, Number(rest[1]));
	}
	if (rest.length !== 1) return undefined;
	if (method === 'GET')
		return category ? categoryReply(store, category) : notFound(CATEGORY_NOT_FOUND_MESSAGE);
	if (method === 'PUT') {
		if (!category) return notFound(CATEGORY_NOT_FOUND_MESSAGE);
		const result = categoryFromParams(id, params);
		if ('status' in result) return result;
		store.categories.set(id, { ...result, color: category.color });
		return categoryReply(store, store.categories.get(id) as OoCategory);
	}
	if (method === 'DELETE') return deleteCategory(store, id, params.int('newcategoryid'));
	return undefined;
}

function deleteCategory(store: TaskStore, id: number, newCategoryId: number): ApiReply {
	const category = store.categories.get(id);
	if (!category) return notFound(CATEGORY_NOT_FOUND_MESSAGE);
	const tasks = [...store.tasks.values()].filter((task) => task.categoryId === id);
	if (newCategoryId < 0 || newCategoryId === id) return badArgument();
	if (tasks.length > 0 && !store.categories.has(newCategoryId)) return badArgument();
	const reply = categoryReply(store, category);
	for (const task of tasks) task.categoryId = newCategoryId;
	store.categories.delete(id);
	return reply;
}
