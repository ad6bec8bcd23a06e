import {
	asTask,
	idText,
	isoMoment,
	reference,
	textOrNull,
	type TaskMapping,
} from '../../../nodes/shared/task/task';

describe('shared Task › helpers', () => {
	it.each([
		['2026-11-23T10:15:00Z', '2026-11-23T10:15:00.000Z'],
		['2026-11-23T11:15:00+01:00', '2026-11-23T10:15:00.000Z'],
		['2026-11-23T10:15:00', '2026-11-23T10:15:00.000Z'],
		[1_795_428_900_000, '2026-11-23T10:15:00.000Z'],
		[new Date('2026-11-23T10:15:00Z'), '2026-11-23T10:15:00.000Z'],
	])('reads %p as the UTC instant %p', (value, expected) => {
		expect(isoMoment(value)).toBe(expected);
	});

	it.each([[null], [undefined], [''], ['not a date'], [{}], [true]])(
		'reads %p as no date',
		(value) => {
			expect(isoMoment(value)).toBeNull();
		},
	);

	it('keeps text, and gives null for empty or non-text values', () => {
		expect([textOrNull('Call Ada'), textOrNull('  '), textOrNull(12), textOrNull(null)]).toEqual([
			'Call Ada',
			null,
			null,
			null,
		]);
	});

	it('gives IDs as text whatever their type, and null when absent', () => {
		expect([idText(27140359), idText('5f1c'), idText(0), idText(''), idText(null)]).toEqual([
			'27140359',
			'5f1c',
			'0',
			null,
			null,
		]);
	});

	it('makes a reference only when there is an ID', () => {
		expect(reference(137659, 'Ada Lovelace')).toEqual({ id: '137659', name: 'Ada Lovelace' });
		expect(reference(137659, '')).toEqual({ id: '137659', name: null });
		expect(reference(null, 'Ada Lovelace')).toBeNull();
	});
});

describe('shared Task › asTask', () => {
	const mapping: TaskMapping = {
		vendor: 'copper',
		credentialType: 'copperCrmTasksApi',
		isTask: (json) => 'id' in json,
		toTask: (record, credentials) => ({
			id: String(record.id),
			title: String(record.name),
			description: null,
			dueDate: null,
			completed: false,
			completedAt: null,
			assignee: null,
			relatedRecord: null,
			tags: [],
			createdAt: null,
			updatedAt: null,
			url: `${String(credentials.appUrl)}/tasks/${String(record.id)}`,
		}),
	};

	it('names the vendor, maps the record and keeps it untouched under raw', () => {
		const record = { id: 7, name: 'Call Ada', custom: { nested: [1] } };

		const task = asTask(mapping, record, { appUrl: 'https://app.example' });

		expect(task).toEqual({
			vendor: 'copper',
			id: '7',
			title: 'Call Ada',
			description: null,
			dueDate: null,
			completed: false,
			completedAt: null,
			assignee: null,
			relatedRecord: null,
			tags: [],
			createdAt: null,
			updatedAt: null,
			url: 'https://app.example/tasks/7',
			raw: record,
		});
		expect(task.raw).toBe(record);
	});
});
