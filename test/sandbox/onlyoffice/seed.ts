/**
 * Deterministic seed data for the ONLYOFFICE emulator: 3 users (GUIDs), 4 task categories,
 * 5 contacts (2 companies, 3 people), 2 opportunities, 2 cases, and 12 tasks (3 closed) placed
 * relative to the sandbox clock at seeding time; plus a bulk task generator.
 */
import type { Account } from './auth';
import {
	type OoCase,
	type OoCategory,
	type OoContact,
	type OoDeal,
	type OoTask,
	type OoUser,
} from './model';

export const ONLYOFFICE_USER_NAME = 'admin@onlyoffice.sandbox.test';
export const ONLYOFFICE_PASSWORD = 'sandbox-password';
export const ONLYOFFICE_SECOND_USER_NAME = 'mike@onlyoffice.sandbox.test';
export const ONLYOFFICE_SECOND_PASSWORD = 'sandbox-second-password';

export const SEED_USERS: OoUser[] = [
	{
		id: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a101',
		userName: 'olga.orlova',
		firstName: 'Olga',
		lastName: 'Orlova',
		email: ONLYOFFICE_USER_NAME,
		title: 'Administrator',
		department: 'Management',
		isAdmin: true,
		isOwner: true,
	},
	{
		id: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a102',
		userName: 'mike.zanyatski',
		firstName: 'Mike',
		lastName: 'Zanyatski',
		email: ONLYOFFICE_SECOND_USER_NAME,
		title: 'Manager',
		department: 'Sales',
		isAdmin: false,
		isOwner: false,
	},
	{
		id: '6f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a103',
		userName: 'nina.berg',
		firstName: 'Nina',
		lastName: 'Berg',
		email: 'nina@onlyoffice.sandbox.test',
		title: 'Support engineer',
		department: 'Support',
		isAdmin: false,
		isOwner: false,
	},
];

const [OLGA, MIKE, NINA] = SEED_USERS.map((user) => user.id);
export const OWNER_ID = OLGA;

/** Sign-in by email (the docs' `userName` is "user name or email"). */
export const SEED_ACCOUNTS: Account[] = [
	{ userName: ONLYOFFICE_USER_NAME, password: ONLYOFFICE_PASSWORD, userId: OLGA },
	{ userName: ONLYOFFICE_SECOND_USER_NAME, password: ONLYOFFICE_SECOND_PASSWORD, userId: MIKE },
];

export const FIRST_CATEGORY_ID = 31;

export function seedCategories(): OoCategory[] {
	const category = (offset: number, title: string, color: string, image: string) => ({
		id: FIRST_CATEGORY_ID + offset,
		title,
		description: null,
		color,
		imageName: image,
		sortOrder: offset,
	});
	return [
		category(0, 'Call', '#e05a3a', 'task_category_call.png'),
		category(1, 'Email', '#3a8fe0', 'task_category_email.png'),
		category(2, 'Meeting', '#a7fc00', 'task_category_meeting.png'),
		category(3, 'Follow up', '#ffb400', 'task_category_follow_up.png'),
	];
}

export const SEED_CONTACTS: OoContact[] = [
	{ id: 301, isCompany: true, displayName: 'Acme Corporation', email: 'office@acme.example' },
	{
		id: 302,
		isCompany: false,
		displayName: 'Kim Tanaka',
		firstName: 'Kim',
		lastName: 'Tanaka',
		title: 'Buyer',
		companyId: 301,
		email: 'kim.tanaka@acme.example',
	},
	{ id: 303, isCompany: true, displayName: 'Globex Ltd', email: 'info@globex.example' },
	{
		id: 304,
		isCompany: false,
		displayName: 'Tadjeddine Bachir',
		firstName: 'Tadjeddine',
		lastName: 'Bachir',
		title: 'Procurement lead',
		companyId: 303,
		email: 'bachir@globex.example',
	},
	{
		id: 305,
		isCompany: false,
		displayName: 'Sara Lindqvist',
		firstName: 'Sara',
		lastName: 'Lindqvist',
		email: 'sara@lindqvist.example',
	},
];

export const SEED_DEALS: OoDeal[] = [
	{ id: 401, title: 'Household appliances internet shop', contactId: 303, responsibleId: MIKE },
	{ id: 402, title: 'Acme renewal 2027', contactId: 301, responsibleId: OLGA },
];

export const SEED_CASES: OoCase[] = [
	{ id: 501, title: 'Broken delivery', isClosed: false },
	{ id: 502, title: 'Invoice dispute', isClosed: true },
];

export const FIRST_TASK_ID = 1201;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export function blankTask(id: number, nowMs: number, createById: string): OoTask {
	return {
		id,
		title: '',
		description: null,
		deadLineMs: nowMs,
		responsibleId: createById,
		categoryId: FIRST_CATEGORY_ID,
		contactId: 0,
		entityType: '',
		entityId: 0,
		isClosed: false,
		alertValue: 0,
		createdMs: nowMs,
		createById,
		lastModifiedMs: nowMs,
	};
}

/**
 * Twelve tasks (1201-1212; 1205, 1208, 1210 closed). Deadlines are portal-local days from
 * today (`day(n, hh, mm)`; a whole-day deadline is local midnight), created 10 days ago, an
 * hour apart.
 */
export function seedTasks(nowMs: number, offsetMinutes: number): OoTask[] {
	const offsetMs = offsetMinutes * MINUTE_MS;
	const todayMs = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
	const day = (n: number, hours = 0, minutes = 0) =>
		todayMs + n * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS;
	const created = nowMs - 10 * DAY_MS;
	const task = (offset: number, fields: Partial<OoTask>): OoTask => {
		const createdMs = created + offset * HOUR_MS;
		return {
			...blankTask(FIRST_TASK_ID + offset, createdMs, fields.createById ?? OLGA),
			...fields,
		};
	};
	const [call, email, meeting, followUp] = seedCategories().map((category) => category.id);
	return [
		task(0, {
			title: 'Call Kim about the renewal',
			description: 'Confirm the seat count.',
			categoryId: call,
			responsibleId: OLGA,
			contactId: 302,
			entityType: 'opportunity',
			entityId: 402,
			deadLineMs: day(1, 10),
			alertValue: 15,
		}),
		task(1, {
			title: 'Send the commercial offer',
			description: 'Offer v2 with the volume discount.',
			categoryId: email,
			responsibleId: MIKE,
			contactId: 304,
			entityType: 'opportunity',
			entityId: 401,
			deadLineMs: day(2),
			createById: MIKE,
		}),
		task(2, {
			title: 'Quarterly review meeting',
			categoryId: meeting,
			responsibleId: OLGA,
			contactId: 301,
			deadLineMs: day(7, 14, 30),
			alertValue: 60,
		}),
		task(3, {
			title: 'Follow up on the broken delivery',
			categoryId: followUp,
			responsibleId: NINA,
			contactId: 305,
			entityType: 'case',
			entityId: 501,
			deadLineMs: day(-1, 9),
		}),
		task(4, {
			title: 'Email the invoice copy',
			categoryId: email,
			responsibleId: NINA,
			entityType: 'case',
			entityId: 502,
			deadLineMs: day(-5),
			isClosed: true,
		}),
		task(5, {
			title: 'Call Globex procurement',
			categoryId: call,
			responsibleId: MIKE,
			contactId: 303,
			deadLineMs: day(3, 11),
			createById: MIKE,
		}),
		task(6, {
			title: 'Prepare the demo',
			description: 'Use the sandbox portal.',
			categoryId: meeting,
			responsibleId: MIKE,
			deadLineMs: day(5),
		}),
		task(7, {
			title: 'Thank-you note to Sara',
			categoryId: followUp,
			responsibleId: OLGA,
			contactId: 305,
			deadLineMs: day(-2),
			isClosed: true,
		}),
		task(8, {
			title: 'Check the onboarding checklist',
			categoryId: followUp,
			responsibleId: NINA,
			deadLineMs: day(10),
		}),
		task(9, {
			title: 'Renewal call with Acme',
			categoryId: call,
			responsibleId: OLGA,
			contactId: 301,
			entityType: 'opportunity',
			entityId: 402,
			deadLineMs: day(-3, 16),
			isClosed: true,
		}),
		task(10, {
			title: 'Book the venue',
			categoryId: meeting,
			responsibleId: NINA,
			deadLineMs: day(14),
		}),
		task(11, {
			title: 'Reply to Tadjeddine',
			categoryId: email,
			responsibleId: MIKE,
			contactId: 304,
			deadLineMs: day(0, 17),
			createById: MIKE,
		}),
	].map((item) => ({ ...item, lastModifiedMs: item.createdMs }));
}

/**
 * `count` plain tasks (no contact or entity), one second apart in creation, cycling
 * responsibles and categories; every 4th closed; deadlines 0-29 days ahead.
 */
export function generateTasks(count: number, firstId: number, nowMs: number): OoTask[] {
	const categories = seedCategories();
	return Array.from({ length: count }, (_, index) => {
		const createdMs = nowMs - (count - index) * 1000;
		return {
			...blankTask(firstId + index, createdMs, OLGA),
			title: `Generated task ${String(index + 1).padStart(6, '0')}`,
			responsibleId: SEED_USERS[index % SEED_USERS.length].id,
			categoryId: categories[index % categories.length].id,
			isClosed: index % 4 === 3,
			deadLineMs: nowMs + (index % 30) * DAY_MS,
		};
	});
}
