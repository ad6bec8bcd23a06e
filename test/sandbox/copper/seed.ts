/**
 * Deterministic seed data for the Copper emulator: users, task custom field definitions and a
 * few tasks placed relative to the sandbox clock at seeding time, and a bulk task generator.
 */
import { COPPER_USER_EMAIL } from './auth';
import {
	blankTask,
	type CopperTask,
	type CopperUser,
	type CustomFieldDefinition,
	type CustomValue,
} from './model';

export const SEED_USERS: CopperUser[] = [
	{ id: 137658, name: 'Olive Owner', email: COPPER_USER_EMAIL },
	{ id: 137659, name: 'Ada Lovelace', email: 'ada@copper.sandbox.test' },
	{ id: 137660, name: 'Grace Hopper', email: 'grace@copper.sandbox.test' },
];

export const OWNER_ID = SEED_USERS[0].id;

export const SEED_DEFINITIONS: CustomFieldDefinition[] = [
	{ id: 3, name: 'Notes', canonical_name: null, data_type: 'Text', available_on: ['task', 'lead'] },
	{
		id: 6,
		name: 'Follow-up on',
		canonical_name: null,
		data_type: 'Date',
		available_on: ['task'],
	},
	{ id: 7, name: 'Billable', canonical_name: null, data_type: 'Checkbox', available_on: ['task'] },
	{
		id: 8,
		name: 'Channel',
		canonical_name: null,
		data_type: 'Dropdown',
		available_on: ['task'],
		options: [
			{ id: 1, name: 'Phone', rank: 0 },
			{ id: 2, name: 'Email', rank: 1 },
		],
	},
	{ id: 9, name: 'Effort', canonical_name: null, data_type: 'Float', available_on: ['task'] },
	{
		id: 12,
		name: 'Teams',
		canonical_name: null,
		data_type: 'MultiSelect',
		available_on: ['task'],
		options: [
			{ id: 20, name: 'Sales', rank: 0 },
			{ id: 21, name: 'Support', rank: 1 },
			{ id: 22, name: 'Finance', rank: 2 },
		],
	},
	{
		id: 14,
		name: 'Deal size',
		canonical_name: null,
		data_type: 'Currency',
		available_on: ['opportunity'],
		currency: 'EUR',
	},
];

export const FIRST_TASK_ID = 3716920;
const DAY = 86400;

/**
 * Four tasks: assigned/unassigned, open/completed, related to a project, an opportunity, a
 * person (copper/related.ts: Website relaunch, Acme renewal, Kim Tanaka) and nothing.
 */
export function seedTasks(nowSeconds: number): CopperTask[] {
	const base = nowSeconds - 10 * DAY;
	const task = (offset: number, fields: Partial<CopperTask>): CopperTask => ({
		...blankTask(FIRST_TASK_ID + offset, base + offset * 3600),
		...fields,
	});
	return [
		task(0, {
			name: 'My First Task',
			related_resource: { id: 144296, type: 'project' },
			assignee_id: OWNER_ID,
			due_date: nowSeconds + 2 * DAY,
			tags: ['onboarding'],
			custom: new Map<number, CustomValue>([
				[6, nowSeconds + DAY],
				[12, [20, 21]],
			]),
			followers: new Set([OWNER_ID]),
		}),
		task(1, {
			name: 'Follow up on Price Quote',
			related_resource: { id: 4, type: 'opportunity' },
			due_date: nowSeconds - DAY,
			status: 'Completed',
			completed_date: nowSeconds - 2 * DAY,
			custom: new Map<number, CustomValue>([[7, true]]),
		}),
		task(2, {
			name: 'Call Ada back',
			related_resource: { id: 5, type: 'person' },
			assignee_id: SEED_USERS[1].id,
			priority: 'High',
			details: 'About the renewal.',
			tags: ['Renewal', 'phone'],
			custom: new Map<number, CustomValue>([
				[3, 'Prefers mornings'],
				[8, 1],
				[9, 1.5],
			]),
			followers: new Set([SEED_USERS[1].id]),
		}),
		task(3, { name: 'Download the mobile app' }),
	];
}

/**
 * `count` plain tasks (related to nothing), one second apart in creation, cycling assignees and
 * statuses.
 */
export function generateTasks(count: number, firstId: number, nowSeconds: number): CopperTask[] {
	return Array.from({ length: count }, (_, index) => ({
		...blankTask(firstId + index, nowSeconds - count + index),
		name: `Generated task ${String(index + 1).padStart(6, '0')}`,
		assignee_id: SEED_USERS[index % SEED_USERS.length].id,
		status: index % 4 === 3 ? ('Completed' as const) : ('Open' as const),
		completed_date: index % 4 === 3 ? nowSeconds - 1 : null,
		due_date: nowSeconds + (index % 30) * DAY,
	}));
}
