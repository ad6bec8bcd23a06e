/**
 * Deterministic seed data of the Cotalker emulator: a company, four users (the first is the API
 * token's bot user), properties for the status1..5 pickers and the state elements, two task
 * groups with a small state machine each, one inactive task group without one, 15 tasks placed
 * relative to the sandbox clock at seeding time, and a bulk task generator.
 */
import { KIND, objectId } from './ids';
import {
	blankTask,
	type CotProperty,
	type CotState,
	type CotStateMachine,
	type CotTask,
	type CotTaskGroup,
	type CotUser,
	enterState,
	type Extensions,
	type StateType,
	userList,
} from './model';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const COMPANY_ID = objectId(KIND.company, 1);

export const USER_IDS = {
	bot: objectId(KIND.user, 1),
	ana: objectId(KIND.user, 2),
	bruno: objectId(KIND.user, 3),
	carla: objectId(KIND.user, 4),
};

export const PROPERTY_IDS = {
	low: objectId(KIND.property, 1),
	medium: objectId(KIND.property, 2),
	high: objectId(KIND.property, 3),
	sales: objectId(KIND.property, 4),
	support: objectId(KIND.property, 5),
	open: objectId(KIND.property, 0x11),
	doing: objectId(KIND.property, 0x12),
	done: objectId(KIND.property, 0x13),
	new: objectId(KIND.property, 0x21),
	working: objectId(KIND.property, 0x22),
	resolved: objectId(KIND.property, 0x23),
};

export const TASK_GROUP_IDS = {
	projects: objectId(KIND.taskGroup, 1),
	support: objectId(KIND.taskGroup, 2),
	archive: objectId(KIND.taskGroup, 3),
};

export const GROUP_IDS = {
	projects: objectId(KIND.group, 1),
	support: objectId(KIND.group, 2),
	archive: objectId(KIND.group, 3),
};

export const STATE_MACHINE_IDS = {
	projects: objectId(KIND.stateMachine, 1),
	support: objectId(KIND.stateMachine, 2),
};

export const STATE_IDS = {
	open: objectId(KIND.state, 1),
	doing: objectId(KIND.state, 2),
	done: objectId(KIND.state, 3),
	new: objectId(KIND.state, 4),
	working: objectId(KIND.state, 5),
	resolved: objectId(KIND.state, 6),
};

/** Task and channel counters start here; ids below are the seed's. */
export const FIRST_GENERATED_COUNTER = 0x1000;

export interface World {
	users: CotUser[];
	properties: CotProperty[];
	taskGroups: CotTaskGroup[];
	stateMachines: CotStateMachine[];
	states: CotState[];
	tasks: CotTask[];
}

function user(id: string, names: string, lastName: string, email: string, iso: string): CotUser {
	return {
		_id: id,
		name: { names, lastName, secondLastName: '', displayName: `${names} ${lastName}`.trim() },
		email,
		jobTitle: id === USER_IDS.bot ? 'API token' : 'Coordinator',
		isActive: true,
		bot: id === USER_IDS.bot,
		createdAt: iso,
		modifiedAt: iso,
	};
}

function property(
	id: string,
	code: string,
	display: string,
	propertyType: string,
	iso: string,
): CotProperty {
	return {
		_id: id,
		name: { code, display },
		propertyType,
		subproperty: [],
		isActive: true,
		company: COMPANY_ID,
		createdAt: iso,
		modifiedAt: iso,
	};
}

export function taskGroup(fields: {
	_id: string;
	group: string;
	collectionName: string;
	iso: string;
	initialStateMachine?: string | null;
	isActive?: boolean;
	defaultView?: string;
}): CotTaskGroup {
	return {
		_id: fields._id,
		company: COMPANY_ID,
		group: fields.group,
		collectionName: fields.collectionName,
		botUser: fields.initialStateMachine ? USER_IDS.bot : null,
		createdAt: fields.iso,
		modifiedAt: fields.iso,
		defaultView: fields.defaultView ?? 'list',
		defaultFilter: null,
		availableViews: ['list'],
		flowType: fields.initialStateMachine ? 'state-machine' : 'free',
		hideClosedAfterDays: 30,
		initialStateMachine: fields.initialStateMachine ?? null,
		isActive: fields.isActive ?? true,
		readonly: false,
		levelConfig: [20, 20, 10],
		readPermissions: [],
		writePermissions: [],
		taskEditorPermissions: [],
		taskFollowerPermissions: [],
		taskPropertyPermissions: [],
		__v: 0,
	};
}

function machine(
	key: 'projects' | 'support',
	name: string,
	states: Array<[keyof typeof STATE_IDS, StateType, Array<keyof typeof STATE_IDS>]>,
	iso: string,
): { machine: CotStateMachine; states: CotState[] } {
	const machineId = STATE_MACHINE_IDS[key];
	return {
		machine: {
			_id: machineId,
			name,
			taskGroup: TASK_GROUP_IDS[key],
			initialState: STATE_IDS[states[0][0]],
			states: states.map(([state]) => STATE_IDS[state]),
			isActive: true,
			company: COMPANY_ID,
			createdAt: iso,
			modifiedAt: iso,
		},
		states: states.map(([state, type, next]) => ({
			_id: STATE_IDS[state],
			name: state,
			type,
			property: PROPERTY_IDS[state],
			stateMachine: machineId,
			nextStates: next.map((target) => STATE_IDS[target]),
			isActive: true,
			company: COMPANY_ID,
			createdAt: iso,
			modifiedAt: iso,
		})),
	};
}

interface SeedTask {
	group: 'projects' | 'support';
	name: string;
	state: keyof typeof STATE_IDS;
	assignee: keyof typeof USER_IDS;
	createdDaysAgo: number;
	/** Hours after creation of the last modification (and of the state change, if any). */
	modifiedHours: number;
	editors?: Array<keyof typeof USER_IDS>;
	followers?: Array<keyof typeof USER_IDS>;
	status1?: keyof typeof PROPERTY_IDS;
	status2?: keyof typeof PROPERTY_IDS;
	info?: string;
	extensions?: Extensions;
	endInDays?: number;
	isActive?: boolean;
}

/**
 * 15 tasks: 9 in Projects, 6 in Support; every state, assignee and priority; two deactivated;
 * the bot user (the token's) takes part in five, which is all a request without `Admin: true`
 * lists.
 */
const SEED_TASKS: SeedTask[] = [
	{
		group: 'projects',
		name: 'Website relaunch',
		state: 'doing',
		assignee: 'ana',
		createdDaysAgo: 20,
		modifiedHours: 30,
		status1: 'high',
		status2: 'sales',
		info: 'New landing pages and pricing.',
		extensions: { project_data: { budget: 12000, code: 'WEB-1' } },
		endInDays: 10,
		followers: ['bot'],
	},
	{
		group: 'projects',
		name: 'Quarterly sales report',
		state: 'open',
		assignee: 'bruno',
		createdDaysAgo: 19,
		modifiedHours: 2,
		status1: 'medium',
		status2: 'sales',
		info: 'Monthly sales figures, report for the board.',
	},
	{
		group: 'projects',
		name: 'Office move',
		state: 'done',
		assignee: 'carla',
		createdDaysAgo: 18,
		modifiedHours: 100,
		status1: 'low',
	},
	{
		group: 'projects',
		name: 'Hire a designer',
		state: 'open',
		assignee: 'ana',
		createdDaysAgo: 15,
		modifiedHours: 0,
		editors: ['ana', 'bruno'],
		status1: 'medium',
	},
	{
		group: 'projects',
		name: 'API integration',
		state: 'doing',
		assignee: 'bot',
		createdDaysAgo: 12,
		modifiedHours: 5,
		status1: 'high',
		extensions: { project_data: { budget: 3000, code: 'API-7' } },
	},
	{
		group: 'projects',
		name: 'Archive 2025 invoices',
		state: 'done',
		assignee: 'bruno',
		createdDaysAgo: 10,
		modifiedHours: 48,
		isActive: false,
	},
	{
		group: 'projects',
		name: 'Customer survey',
		state: 'open',
		assignee: 'carla',
		createdDaysAgo: 6,
		modifiedHours: 1,
		status2: 'support',
		followers: ['ana'],
	},
	{
		group: 'projects',
		name: 'Security audit',
		state: 'doing',
		assignee: 'bot',
		createdDaysAgo: 3,
		modifiedHours: 20,
		status1: 'high',
		endInDays: 2,
	},
	{
		group: 'projects',
		name: 'Team offsite',
		state: 'open',
		assignee: 'ana',
		createdDaysAgo: 1,
		modifiedHours: 0,
		status1: 'low',
	},
	{
		group: 'support',
		name: 'Printer on floor 2 jams',
		state: 'new',
		assignee: 'carla',
		createdDaysAgo: 14,
		modifiedHours: 0,
		status1: 'low',
		status2: 'support',
	},
	{
		group: 'support',
		name: 'VPN drops every hour',
		state: 'working',
		assignee: 'bruno',
		createdDaysAgo: 11,
		modifiedHours: 26,
		status1: 'high',
		status2: 'support',
		followers: ['bot'],
	},
	{
		group: 'support',
		name: 'Reset password for Ana',
		state: 'resolved',
		assignee: 'bot',
		createdDaysAgo: 9,
		modifiedHours: 3,
		status2: 'support',
	},
	{
		group: 'support',
		name: 'Laptop battery replacement',
		state: 'working',
		assignee: 'ana',
		createdDaysAgo: 7,
		modifiedHours: 12,
		status1: 'medium',
		extensions: { ticket_data: { asset_tag: 'LT-0042' } },
	},
	{
		group: 'support',
		name: 'Duplicate ticket',
		state: 'new',
		assignee: 'carla',
		createdDaysAgo: 5,
		modifiedHours: 1,
		isActive: false,
	},
	{
		group: 'support',
		name: 'Sales CRM access request',
		state: 'new',
		assignee: 'bruno',
		createdDaysAgo: 2,
		modifiedHours: 4,
		status2: 'sales',
	},
];

export function seedWorld(nowMs: number, tasks: boolean): World {
	const iso = (ms: number) => new Date(ms).toISOString();
	const longAgo = iso(nowMs - 90 * DAY);
	const users = [
		user(USER_IDS.bot, 'Sandbox Bot', '', 'bot@cotalker.sandbox.test', longAgo),
		user(USER_IDS.ana, 'Ana', 'Rojas', 'ana@cotalker.sandbox.test', longAgo),
		user(USER_IDS.bruno, 'Bruno', 'Díaz', 'bruno@cotalker.sandbox.test', longAgo),
		user(USER_IDS.carla, 'Carla', 'Soto', 'carla@cotalker.sandbox.test', longAgo),
	];
	const P = PROPERTY_IDS;
	const properties = [
		property(P.low, 'low', 'Low', 'priority', longAgo),
		property(P.medium, 'medium', 'Medium', 'priority', longAgo),
		property(P.high, 'high', 'High', 'priority', longAgo),
		property(P.sales, 'sales', 'Sales', 'department', longAgo),
		property(P.support, 'support', 'Support', 'department', longAgo),
		property(P.open, 'open', 'Open', 'projects_state', longAgo),
		property(P.doing, 'doing', 'Doing', 'projects_state', longAgo),
		property(P.done, 'done', 'Done', 'projects_state', longAgo),
		property(P.new, 'new', 'New', 'tickets_state', longAgo),
		property(P.working, 'working', 'Working', 'tickets_state', longAgo),
		property(P.resolved, 'resolved', 'Resolved', 'tickets_state', longAgo),
	];
	const projects = machine(
		'projects',
		'Projects workflow',
		[
			['open', 'new', ['doing']],
			['doing', 'in-progress', ['done', 'open']],
			['done', 'closed', ['open']],
		],
		longAgo,
	);
	const support = machine(
		'support',
		'Support workflow',
		[
			['new', 'new', ['working']],
			['working', 'in-progress', ['resolved', 'new']],
			['resolved', 'closed', ['new']],
		],
		longAgo,
	);
	const taskGroups = [
		taskGroup({
			_id: TASK_GROUP_IDS.projects,
			group: GROUP_IDS.projects,
			collectionName: 'projects',
			iso: iso(nowMs - 60 * DAY),
			initialStateMachine: STATE_MACHINE_IDS.projects,
			defaultView: 'kanban',
		}),
		taskGroup({
			_id: TASK_GROUP_IDS.support,
			group: GROUP_IDS.support,
			collectionName: 'support_tickets',
			iso: iso(nowMs - 50 * DAY),
			initialStateMachine: STATE_MACHINE_IDS.support,
		}),
		taskGroup({
			_id: TASK_GROUP_IDS.archive,
			group: GROUP_IDS.archive,
			collectionName: 'archive',
			iso: iso(nowMs - 40 * DAY),
			isActive: false,
		}),
	];
	taskGroups[0].modifiedAt = iso(nowMs - 30 * DAY);
	const states = [...projects.states, ...support.states];
	const world: World = {
		users,
		properties,
		taskGroups,
		stateMachines: [projects.machine, support.machine],
		states,
		tasks: [],
	};
	if (!tasks) return world;
	const serials = { projects: 0, support: 0 };
	SEED_TASKS.forEach((seed, index) => {
		const created = nowMs - seed.createdDaysAgo * DAY;
		const modified = created + seed.modifiedHours * HOUR;
		const task = blankTask({
			_id: objectId(KIND.task, index + 1),
			company: COMPANY_ID,
			taskGroup: TASK_GROUP_IDS[seed.group],
			serial: ++serials[seed.group],
			createdBy: USER_IDS.bot,
			channel: objectId(KIND.channel, index + 1),
			nowIso: iso(created),
		});
		task.name = seed.name;
		task.info = seed.info ?? null;
		task.assignee = USER_IDS[seed.assignee];
		task.editors = (seed.editors ?? [seed.assignee]).map((key) => USER_IDS[key]);
		task.followers = (seed.followers ?? []).map((key) => USER_IDS[key]);
		task.status1 = seed.status1 ? PROPERTY_IDS[seed.status1] : null;
		task.status2 = seed.status2 ? PROPERTY_IDS[seed.status2] : null;
		task.extensions = seed.extensions ?? {};
		task.startDate = iso(created);
		task.endDate = seed.endInDays === undefined ? null : iso(nowMs + seed.endInDays * DAY);
		task.isActive = seed.isActive ?? true;
		const state = states.find((candidate) => candidate._id === STATE_IDS[seed.state]) as CotState;
		const initial = seed.group === 'projects' ? STATE_IDS.open : STATE_IDS.new;
		enterState(task, state, iso(state._id === initial ? created : modified));
		task.modifiedAt = iso(modified);
		task.__v = seed.modifiedHours > 0 ? 1 : 0;
		task.userList = userList(task);
		world.tasks.push(task);
	});
	return world;
}

/**
 * `count` plain tasks in `group` (its initial state), created one second apart ending now,
 * cycling the users as assignees and the priorities as status1.
 */
export function generateTasks(
	count: number,
	group: CotTaskGroup,
	initial: CotState | undefined,
	firstCounter: number,
	firstSerial: number,
	nowMs: number,
): CotTask[] {
	const assignees = Object.values(USER_IDS);
	const priorities = [PROPERTY_IDS.low, PROPERTY_IDS.medium, PROPERTY_IDS.high];
	return Array.from({ length: count }, (_, index) => {
		const iso = new Date(nowMs - (count - 1 - index) * 1000).toISOString();
		const task = blankTask({
			_id: objectId(KIND.task, firstCounter + index),
			company: COMPANY_ID,
			taskGroup: group._id,
			serial: firstSerial + index,
			createdBy: USER_IDS.bot,
			channel: objectId(KIND.channel, firstCounter + index),
			nowIso: iso,
		});
		task.name = `Generated task ${String(index + 1).padStart(6, '0')}`;
		task.assignee = assignees[index % assignees.length];
		task.editors = [task.assignee];
		task.status1 = priorities[index % priorities.length];
		if (initial) enterState(task, initial, iso);
		task.userList = userList(task);
		return task;
	});
}
