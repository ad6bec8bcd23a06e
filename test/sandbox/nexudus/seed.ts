/**
 * Deterministic seed data for the Nexudus emulator. Datetimes are placed relative to the
 * sandbox clock at seeding time, so a fixed clock gives byte-identical data.
 */
import type { ReferenceData, ScalarValue, StoredRecord } from './model';

export const SEED_TASK_COUNT = 60;
export const SEED_HISTORY_COUNT = 20;

const HOUR_MS = 3_600_000;

export const SEED_REFERENCE_DATA: ReferenceData = {
	businesses: [
		{ Id: 1001, Name: 'Sandbox Coworking Berlin' },
		{ Id: 1002, Name: 'Sandbox Coworking Lisbon' },
		{ Id: 1003, Name: 'Sandbox Labs Kraków' },
	],
	coworkers: [
		{
			Id: 2001,
			FullName: 'Ada Lovelace',
			CompanyName: 'Analytical Engines Ltd',
			TeamNames: 'Engines',
			BusinessId: 1001,
		},
		{
			Id: 2002,
			FullName: 'Grace Hopper',
			CompanyName: 'Compiler Works',
			TeamNames: 'Compilers, Navy',
			BusinessId: 1001,
		},
		{ Id: 2003, FullName: 'Alan Turing', CompanyName: null, TeamNames: null, BusinessId: 1001 },
		{
			Id: 2004,
			FullName: 'Katherine Johnson',
			CompanyName: 'Orbital Maths',
			TeamNames: 'Trajectories',
			BusinessId: 1002,
		},
		{
			Id: 2005,
			FullName: 'Edsger Dijkstra',
			CompanyName: 'Shortest Path BV',
			TeamNames: null,
			BusinessId: 1002,
		},
		{
			Id: 2006,
			FullName: 'Barbara Liskov',
			CompanyName: 'Substitution Inc',
			TeamNames: 'Types',
			BusinessId: 1002,
		},
		{
			Id: 2007,
			FullName: 'Marie Skłodowska',
			CompanyName: 'Radium Sp. z o.o.',
			TeamNames: 'Lab',
			BusinessId: 1003,
		},
		{ Id: 2008, FullName: 'Stanisław Ulam', CompanyName: null, TeamNames: 'Lab', BusinessId: 1003 },
	],
	users: [
		{ Id: 3001, FullName: 'Sandbox Admin', Email: 'admin@sandbox.test' },
		{ Id: 3002, FullName: 'Olivia Operations', Email: 'olivia@sandbox.test' },
		{ Id: 3003, FullName: 'Sam Sales', Email: 'sam@sandbox.test' },
		{ Id: 3004, FullName: 'Cleo Community', Email: 'cleo@sandbox.test' },
	],
	boardColumns: [
		{ Id: 4001, Name: 'New lead' },
		{ Id: 4002, Name: 'Contacted' },
		{ Id: 4003, Name: 'Tour booked' },
		{ Id: 4004, Name: 'Proposal sent' },
		{ Id: 4005, Name: 'Won' },
		{ Id: 4006, Name: 'Lost' },
	],
	opportunityIds: [5001, 5002, 5003, 5004, 5005, 5006, 5007],
	// Where each seeded opportunity stands after the moves seedHistories() records.
	opportunities: [
		{ Id: 5001, Name: null, CoworkerId: 2001, CrmBoardColumnId: 4004 },
		{ Id: 5002, Name: 'Second desk', CoworkerId: 2001, CrmBoardColumnId: 4003 },
		{ Id: 5003, Name: null, CoworkerId: 2002, CrmBoardColumnId: 4003 },
		{ Id: 5004, Name: 'Team office', CoworkerId: 2004, CrmBoardColumnId: 4003 },
		{ Id: 5005, Name: null, CoworkerId: 2005, CrmBoardColumnId: 4003 },
		{ Id: 5006, Name: null, CoworkerId: 2006, CrmBoardColumnId: 4006 },
		{ Id: 5007, Name: 'Lab bench', CoworkerId: 2007, CrmBoardColumnId: 4002 },
	],
	taskLists: [
		{ UniqueId: '7a3c0b9e-0000-4000-8000-000000000001', Name: 'Member onboarding' },
		{ UniqueId: '7a3c0b9e-0000-4000-8000-000000000002', Name: 'Member offboarding' },
	],
};

const TASK_SUBJECTS = [
	'Send welcome pack',
	'Set up door access',
	'Book induction tour',
	'Collect signed contract',
	'Chase overdue invoice',
	'Renew desk agreement',
	'Return locker key',
	'Follow up on meeting room feedback',
	'Update billing address',
	'Schedule quarterly check-in',
];

/** Deterministic GUID derived from a number (valid v4 layout). */
export function guidFor(kind: number, id: number): string {
	const hex = id.toString(16).padStart(12, '0');
	return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

function record(
	id: number,
	kind: number,
	createdOn: number,
	updatedOn: number,
	updatedBy: string,
	values: Record<string, ScalarValue>,
): StoredRecord {
	return {
		Id: id,
		UniqueId: guidFor(kind, id),
		CreatedOn: createdOn,
		UpdatedOn: updatedOn,
		UpdatedBy: updatedBy,
		values,
	};
}

/**
 * The `index`th task of a run (varied by it: coworker, responsible user, list, flags, due date),
 * with its id and stamps.
 */
function coworkerTask(
	index: number,
	id: number,
	createdOn: number,
	updatedOn: number,
	nameNumber: number,
): StoredRecord {
	const { coworkers, users, taskLists } = SEED_REFERENCE_DATA;
	const coworker = coworkers[index % coworkers.length];
	const responsible = users[(index * 3) % users.length];
	return record(id, 0x7a5c, createdOn, updatedOn, responsible.Email, {
		BusinessId: coworker.BusinessId,
		CoworkerId: coworker.Id,
		Name: `${TASK_SUBJECTS[index % TASK_SUBJECTS.length]} #${nameNumber}`,
		Notes: index % 3 === 0 ? null : `Seeded note for task ${nameNumber}.`,
		TaskItemUniqueId: index % 6 === 0 ? taskLists[Math.floor(index / 6) % 2].UniqueId : null,
		FormPageRequestUniqueId: null,
		Completed: index % 3 === 1,
		DueDate: index % 5 === 4 ? null : createdOn + ((index % 7) + 1) * 24 * HOUR_MS,
		Reminded: index % 9 === 0,
		ResponsibleId: responsible.Id,
		NotifyByEmail: index % 2 === 0,
		DisplayToEveryone: index % 5 === 0,
		SystemId: index % 10 === 0 ? `ext-task-${nameNumber}` : null,
	});
}

export function seedTasks(nowMs: number, firstId: number): StoredRecord[] {
	return Array.from({ length: SEED_TASK_COUNT }, (_, i) => {
		// Created over the last ~30 days, one task every 12 hours; some updated later.
		const createdOn = nowMs - (SEED_TASK_COUNT - i) * 12 * HOUR_MS;
		const updatedOn = i % 4 === 0 ? createdOn + 5 * HOUR_MS : createdOn;
		return coworkerTask(i, firstId + i, createdOn, updatedOn, i + 1);
	});
}

/**
 * `count` tasks for load and paging tests, ids from `firstId`: created two seconds apart up to
 * `nowMs`, every 4th updated a second after its creation, so no two share an update time (Nexudus
 * stamps whole seconds).
 */
export function generateTasks(count: number, firstId: number, nowMs: number): StoredRecord[] {
	return Array.from({ length: count }, (_, i) => {
		const createdOn = nowMs - (count - i) * 2000;
		const updatedOn = i % 4 === 0 ? createdOn + 1000 : createdOn;
		return coworkerTask(i, firstId + i, createdOn, updatedOn, firstId + i);
	});
}

export function seedHistories(nowMs: number, firstId: number): StoredRecord[] {
	const { opportunityIds, boardColumns, users } = SEED_REFERENCE_DATA;
	const histories: StoredRecord[] = [];
	// Each opportunity walks through the board: 20 moves over 7 opportunities.
	const pathLengths = [4, 3, 3, 3, 3, 2, 2];
	let moveIndex = 0;
	opportunityIds.forEach((opportunityId, opportunityIndex) => {
		let enteredAt = nowMs - (20 - opportunityIndex) * 24 * HOUR_MS;
		let previousColumn: number | null = null;
		for (let step = 0; step < pathLengths[opportunityIndex]; step++) {
			const isLost = opportunityIndex === 5 && step === 1;
			const column = isLost ? boardColumns[5].Id : boardColumns[step].Id;
			const movedAt = enteredAt + (step === 0 ? 0 : (step + 1) * 26 * HOUR_MS);
			const user = step === 0 ? null : users[(opportunityIndex + step) % users.length];
			histories.push(
				record(firstId + moveIndex, 0xc4a1, movedAt, movedAt, user?.Email ?? 'system', {
					CrmOpportunityId: opportunityId,
					OldCrmBoardColumnId: previousColumn,
					FromTime: step === 0 ? null : enteredAt,
					ToTime: movedAt,
					NewCrmBoardColumnId: column,
					UserId: user?.Id ?? null,
					SystemId: null,
				}),
			);
			previousColumn = column;
			enteredAt = movedAt;
			moveIndex++;
		}
	});
	return histories;
}
