/**
 * Cotalker shapes (vendors.md §4.3, specs/cotalker-docs-model_tasks.md, model_taskgroup.md,
 * SDK COTUser/COTProperty/COTSMState) and the create / partial-update rules for tasks.
 * Records are stored in their rendered JSON form (ISO dates with milliseconds, ObjectId strings),
 * so rendering is a copy.
 */
import { isObjectId } from './ids';
import { badRequest, type Reply } from './replies';

export type StateType = 'new' | 'in-progress' | 'closed';

export interface CotUser {
	_id: string;
	name: { names: string; lastName: string; secondLastName: string; displayName: string };
	email: string;
	jobTitle: string;
	isActive: boolean;
	/** Bot users (API tokens) [?]: Cotalker's admin-panel API Token is a bot user. */
	bot: boolean;
	createdAt: string;
	modifiedAt: string;
}

export interface CotProperty {
	_id: string;
	name: { code: string; display: string };
	propertyType: string;
	subproperty: string[];
	isActive: boolean;
	company: string;
	createdAt: string;
	modifiedAt: string;
}

/** COTSMState: the SDK types only `_id` and `property`; the rest follows model_state.md [?]. */
export interface CotState {
	_id: string;
	name: string;
	/** new | in-progress | closed (vendors.md §4.3): closed states set `closedAt`. */
	type: StateType;
	property: string;
	stateMachine: string;
	/** The states a task in this one may move to (the emulator's name for it) [?]. */
	nextStates: string[];
	isActive: boolean;
	company: string;
	createdAt: string;
	modifiedAt: string;
}

export interface CotStateMachine {
	_id: string;
	name: string;
	taskGroup: string;
	initialState: string;
	states: string[];
	isActive: boolean;
	company: string;
	createdAt: string;
	modifiedAt: string;
}

export interface CotTaskGroup {
	_id: string;
	company: string;
	group: string;
	collectionName: string;
	botUser: string | null;
	createdAt: string;
	modifiedAt: string;
	defaultView: string;
	defaultFilter: string | null;
	availableViews: string[];
	flowType: 'state-machine' | 'free';
	hideClosedAfterDays: number;
	initialStateMachine: string | null;
	isActive: boolean;
	readonly: boolean;
	levelConfig: number[];
	readPermissions: string[];
	writePermissions: string[];
	taskEditorPermissions: string[];
	taskFollowerPermissions: string[];
	taskPropertyPermissions: Array<{ property: string; editor: string[]; follower: string[] }>;
	__v: number;
}

export type Extensions = Record<string, Record<string, unknown>>;

export interface CotTask {
	_id: string;
	__v: number;
	name: string;
	info: string | null;
	company: string;
	taskGroup: string;
	serial: number;
	owner: string;
	createdBy: string;
	assignee: string;
	editors: string[];
	followers: string[];
	visibility: string[];
	subscribers: string[];
	userList: string[];
	status: string | null;
	smState: string | null;
	smStateMachine: string | null;
	status1: string | null;
	status2: string | null;
	status3: string | null;
	status4: string | null;
	status5: string | null;
	extensions: Extensions;
	createdAt: string;
	modifiedAt: string;
	modifiedStateAt: string;
	closedAt: string | null;
	resolutionDate: string | null;
	startDate: string | null;
	endDate: string | null;
	estimatedTime: number | null;
	isActive: boolean;
	parent: string | null;
	child: string[];
	indentation: number;
	weight: number;
	relativeWeight: number;
	activeSlas: string[];
	answers: string[];
	asset: string | null;
	channel: string;
	language: string;
}

/** One entry of `GET /api/v2/task-groups/{tg}/tasks/{id}/sm-state-changes` (shape [?]). */
export interface CotStateChange {
	_id: string;
	task: string;
	taskGroup: string;
	previousSmState: string | null;
	smState: string;
	user: string;
	createdAt: string;
}

export const STATUS_FIELDS = ['status1', 'status2', 'status3', 'status4', 'status5'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];
const USER_LIST_FIELDS = ['editors', 'followers', 'visibility'] as const;
const DATE_FIELDS = ['startDate', 'endDate', 'resolutionDate'] as const;
export const DEFAULT_VIEWS = ['list', 'kanban', 'calendar', 'gantt', 'grid'];

export const copy = <T>(value: T): T => structuredClone(value);

/** ISO `YYYY-MM-DDTHH:mm:ss.SSSZ` for a date value in a body, or an error message. */
export function isoDate(value: unknown, field: string): { iso: string | null } | string {
	if (value === null) return { iso: null };
	if (typeof value !== 'string' && typeof value !== 'number') return `${field} must be an ISO date`;
	const date = new Date(value);
	if (value === '' || Number.isNaN(date.getTime())) return `${field} must be an ISO date`;
	return { iso: date.toISOString() };
}

export function userList(task: CotTask): string[] {
	return [
		...new Set([task.assignee, ...task.editors, ...task.followers, ...task.visibility]),
	].filter((id) => id !== '');
}

export interface ApplyContext {
	userIds: Set<string>;
	propertyIds: Set<string>;
	/** States of the group's state machine (empty for a group without one). */
	states: CotState[];
	flowType: CotTaskGroup['flowType'];
	nowIso: string;
}

export interface Applied {
	task: CotTask;
	/** Set when the body moved the task to another state. */
	stateChange?: { from: string | null; to: string };
	changed: boolean;
}

/** The states `task` may move to: the state's `nextStates`, or every other state when free [?]. */
export function nextStates(task: CotTask, ctx: Pick<ApplyContext, 'states' | 'flowType'>) {
	const current = ctx.states.find((state) => state._id === task.smState);
	if (ctx.flowType === 'free') return ctx.states.filter((state) => state._id !== task.smState);
	if (!current) return [];
	return ctx.states.filter((state) => current.nextStates.includes(state._id));
}

/** Moves `task` into `state` (modifiedStateAt, status, closedAt/resolutionDate). */
export function enterState(task: CotTask, state: CotState, nowIso: string): void {
	task.smState = state._id;
	task.smStateMachine = state.stateMachine;
	task.status = state.property;
	task.modifiedStateAt = nowIso;
	// Entering a closed state stamps closedAt and resolutionDate; leaving one clears closedAt [?].
	if (state.type === 'closed') {
		task.closedAt = nowIso;
		task.resolutionDate = nowIso;
	} else {
		task.closedAt = null;
	}
}

/** A body field's rule: checks the value (throwing InvalidBody) and applies it. */
type Rule = (task: CotTask, value: unknown, ctx: ApplyContext, applied: Applied) => void;

class InvalidBody extends Error {}

function userRef(value: unknown, field: string, ctx: ApplyContext): void {
	if (!isObjectId(value)) throw new InvalidBody(`${field} must be a user ObjectId`);
	if (!ctx.userIds.has(value.toLowerCase()))
		throw new InvalidBody(`${field}: no user with id ${value}`);
}

const RULES: Record<string, Rule> = {
	name: (task, value) => {
		if (typeof value !== 'string' || value.trim() === '')
			throw new InvalidBody('name must be a non-empty string');
		task.name = value;
	},
	info: (task, value) => {
		if (value !== null && typeof value !== 'string')
			throw new InvalidBody('info must be a string or null');
		task.info = value as string | null;
	},
	owner: (task, value) => {
		if (typeof value !== 'string') throw new InvalidBody('owner must be a string');
		task.owner = value;
	},
	assignee: (task, value, ctx) => {
		// Exactly one assignee (model_tasks.md): null is refused rather than clearing it [?].
		userRef(value, 'assignee', ctx);
		task.assignee = (value as string).toLowerCase();
	},
	...Object.fromEntries(
		USER_LIST_FIELDS.map((field): [string, Rule] => [
			field,
			(task, value, ctx) => {
				if (!Array.isArray(value))
					throw new InvalidBody(`${field} must be an array of user ObjectIds`);
				for (const id of value) userRef(id, field, ctx);
				task[field] = [...new Set((value as string[]).map((id) => id.toLowerCase()))];
			},
		]),
	),
	...Object.fromEntries(
		DATE_FIELDS.map((field): [string, Rule] => [
			field,
			(task, value) => {
				const result = isoDate(value, field);
				if (typeof result === 'string') throw new InvalidBody(result);
				task[field] = result.iso;
			},
		]),
	),
	...Object.fromEntries(
		STATUS_FIELDS.map((field): [string, Rule] => [
			field,
			(task, value, ctx) => {
				if (value === null) {
					task[field] = null;
					return;
				}
				if (!isObjectId(value))
					throw new InvalidBody(`${field} must be a property ObjectId or null`);
				// Any existing property is accepted in any slot; Cotalker ties a slot to a property
				// type in the group's settings, which the emulator does not check [?].
				if (!ctx.propertyIds.has(value.toLowerCase()))
					throw new InvalidBody(`${field}: no property with id ${value}`);
				task[field] = value.toLowerCase();
			},
		]),
	),
	extensions: (task, value) => {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			throw new InvalidBody('extensions must be an object {collectionCode: {fieldCode: value}}');
		}
		const next: Extensions = { ...task.extensions };
		for (const [code, fields] of Object.entries(value as Record<string, unknown>)) {
			// A sent collection replaces that collection; null removes it; others stay [?].
			if (fields === null) {
				delete next[code];
				continue;
			}
			if (typeof fields !== 'object' || Array.isArray(fields)) {
				throw new InvalidBody(`extensions.${code} must be an object {fieldCode: value}`);
			}
			next[code] = copy(fields as Record<string, unknown>);
		}
		task.extensions = next;
	},
	estimatedTime: (task, value) => {
		if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
			throw new InvalidBody('estimatedTime must be a number of days or null');
		}
		task.estimatedTime = value as number | null;
	},
	weight: (task, value) => {
		if (typeof value !== 'number' || !Number.isFinite(value))
			throw new InvalidBody('weight must be a number');
		task.weight = value;
	},
	isActive: (task, value) => {
		if (typeof value !== 'boolean') throw new InvalidBody('isActive must be a boolean');
		task.isActive = value;
	},
	smState: (task, value, ctx, applied) => {
		if (value === task.smState) return;
		if (!isObjectId(value)) throw new InvalidBody('smState must be a state ObjectId');
		const target = ctx.states.find((state) => state._id === value.toLowerCase());
		if (!target)
			throw new InvalidBody(`smState: ${value} is not a state of this task group's state machine`);
		if (!nextStates(task, ctx).some((state) => state._id === target._id)) {
			const from = ctx.states.find((state) => state._id === task.smState)?.name ?? 'none';
			throw new InvalidBody(`smState: moving from '${from}' to '${target.name}' is not allowed`);
		}
		applied.stateChange = { from: task.smState, to: target._id };
		enterState(task, target, ctx.nowIso);
	},
};

/**
 * Fields a body may not set: ignored like unknown fields [?] (Cotalker derives them). `status`
 * follows `smState`; `closedAt` follows the state's type.
 */
export const READ_ONLY_FIELDS = [
	'_id',
	'__v',
	'company',
	'taskGroup',
	'serial',
	'createdBy',
	'userList',
	'status',
	'smStateMachine',
	'createdAt',
	'modifiedAt',
	'modifiedStateAt',
	'closedAt',
];

/**
 * Applies the fields present in `body` to a copy of `task` (a partial update: absent fields keep
 * their value). Validates everything before anything changes; on error the task is untouched.
 */
export function applyTaskBody(
	task: CotTask,
	body: Record<string, unknown>,
	ctx: ApplyContext,
): Applied | Reply {
	const next = copy(task);
	const applied: Applied = { task: next, changed: false };
	for (const [field, rule] of Object.entries(RULES)) {
		if (!(field in body) || body[field] === undefined) continue;
		try {
			rule(next, body[field], ctx, applied);
		} catch (error) {
			// Every throw in a rule is an InvalidBody: a bad body is a 400.
			return badRequest((error as InvalidBody).message);
		}
	}
	next.userList = userList(next);
	applied.changed = JSON.stringify(next) !== JSON.stringify(task);
	return applied;
}

export function blankTask(fields: {
	_id: string;
	company: string;
	taskGroup: string;
	serial: number;
	createdBy: string;
	channel: string;
	nowIso: string;
}): CotTask {
	const { nowIso } = fields;
	// Every field written out, never spread: each task then has the same shape (hidden class), so
	// a pass over 100,000 tasks reads them at full speed.
	return {
		_id: fields._id,
		company: fields.company,
		taskGroup: fields.taskGroup,
		serial: fields.serial,
		createdBy: fields.createdBy,
		channel: fields.channel,
		__v: 0,
		name: '',
		info: null,
		owner: 'manual',
		assignee: fields.createdBy,
		editors: [fields.createdBy],
		followers: [],
		visibility: [],
		subscribers: [],
		userList: [fields.createdBy],
		status: null,
		smState: null,
		smStateMachine: null,
		status1: null,
		status2: null,
		status3: null,
		status4: null,
		status5: null,
		extensions: {},
		createdAt: nowIso,
		modifiedAt: nowIso,
		modifiedStateAt: nowIso,
		closedAt: null,
		resolutionDate: null,
		startDate: null,
		endDate: null,
		estimatedTime: null,
		isActive: true,
		parent: null,
		child: [],
		indentation: 0,
		weight: 0,
		relativeWeight: 0,
		activeSlas: [],
		answers: [],
		asset: null,
		language: 'english',
	};
}

/** Task-group fields a `PATCH /api/v1/tasks/group/{id}` may change, with their checks. */
export const GROUP_PATCH_RULES: Record<string, (value: unknown) => string | void> = {
	defaultView: (value) =>
		DEFAULT_VIEWS.includes(value as string)
			? undefined
			: `defaultView must be one of ${DEFAULT_VIEWS.join(', ')}`,
	defaultFilter: (value) =>
		value === null || isObjectId(value) ? undefined : 'defaultFilter must be an ObjectId or null',
	flowType: (value) =>
		value === 'state-machine' || value === 'free'
			? undefined
			: "flowType must be 'state-machine' or 'free'",
	hideClosedAfterDays: (value) =>
		Number.isInteger(value) && (value as number) >= 0
			? undefined
			: 'hideClosedAfterDays must be a whole number',
	isActive: (value) => (typeof value === 'boolean' ? undefined : 'isActive must be a boolean'),
	readPermissions: stringArray('readPermissions'),
	writePermissions: stringArray('writePermissions'),
	taskEditorPermissions: stringArray('taskEditorPermissions'),
	taskFollowerPermissions: stringArray('taskFollowerPermissions'),
	taskPropertyPermissions: (value) => {
		const valid =
			Array.isArray(value) &&
			value.every((entry: unknown) => {
				const item = (entry ?? {}) as Record<string, unknown>;
				return (
					isObjectId(item.property) &&
					!stringArray('')(item.editor ?? []) &&
					!stringArray('')(item.follower ?? [])
				);
			});
		return valid ? undefined : 'taskPropertyPermissions must be [{property, editor[], follower[]}]';
	},
};

function stringArray(field: string) {
	return (value: unknown): string | void =>
		Array.isArray(value) && value.every((item) => typeof item === 'string')
			? undefined
			: `${field} must be an array of strings`;
}
