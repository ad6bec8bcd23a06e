/**
 * Reading `{data: {<plural>: [...], count}}` envelopes (Cotalker's v2 lists): the named key, the
 * one list of records whatever its key, the total as `count` or `counter`, and answers that
 * cannot be read safely.
 */
import { insideData, recordsInEnvelope } from '../../nodes/shared/transport/dataEnvelope';

const a = { _id: 'a' };
const b = { _id: 'b' };

describe('recordsInEnvelope', () => {
	it('reads the array under the documented key, with the count', () => {
		expect(recordsInEnvelope({ users: [a, b], count: 7 }, 'users')).toEqual({
			records: [a, b],
			count: 7,
		});
	});

	it('finds the one array whatever its key when no key is documented', () => {
		expect(recordsInEnvelope({ taskGroups: [a], count: 1 })).toEqual({ records: [a], count: 1 });
		expect(recordsInEnvelope({ tasks: [b] })).toEqual({ records: [b], count: undefined });
		expect(recordsInEnvelope({ anything_else: [a, b], count: 2 })).toEqual({
			records: [a, b],
			count: 2,
		});
	});

	it('finds the one array when the documented key is not the one answered', () => {
		expect(recordsInEnvelope({ items: [a], count: 1 }, 'tasks')).toEqual({
			records: [a],
			count: 1,
		});
	});

	it('reads the total as `counter`, the docs’ name, when there is no `count`', () => {
		expect(recordsInEnvelope({ tasks: [a], counter: 40 })).toEqual({ records: [a], count: 40 });
		expect(recordsInEnvelope({ tasks: [a], count: 3, counter: 40 })).toEqual({
			records: [a],
			count: 3,
		});
	});

	it('ignores a count that is not a number', () => {
		expect(recordsInEnvelope({ tasks: [a], count: '3' })).toEqual({
			records: [a],
			count: undefined,
		});
	});

	it('takes the filled list of records beside empty arrays and arrays of plain values', () => {
		expect(recordsInEnvelope({ tasks: [a, b], errors: [], ids: ['x', 'y'], count: 2 })).toEqual({
			records: [a, b],
			count: 2,
		});
		expect(recordsInEnvelope({ tasks: [], errors: [], count: 0 })).toEqual({
			records: [],
			count: 0,
		});
	});

	it('fails, naming the keys, on two filled lists of records and none under the key', () => {
		expect(() => recordsInEnvelope({ tasks: [a], archived: [b] })).toThrow(
			'The answer holds several lists (tasks, archived) and none is the expected one',
		);
		expect(() => recordsInEnvelope({ tasks: [a], archived: [b] }, 'taskGroups')).toThrow(
			'The answer holds several lists (tasks, archived) and none is the expected one (taskGroups)',
		);
		expect(recordsInEnvelope({ tasks: [a], archived: [b] }, 'archived')).toEqual({
			records: [b],
			count: undefined,
		});
	});

	it('reads a bare array as the records, and anything else as none', () => {
		expect(recordsInEnvelope([a, b])).toEqual({ records: [a, b] });
		expect(recordsInEnvelope(null)).toEqual({ records: [] });
		expect(recordsInEnvelope('text')).toEqual({ records: [] });
		expect(recordsInEnvelope({ count: 0 })).toEqual({ records: [], count: 0 });
	});
});

describe('insideData', () => {
	it('unwraps {data}, also beside counter and debug', () => {
		expect(insideData({ data: { tasks: [a] } })).toEqual({ tasks: [a] });
		expect(insideData({ data: { tasks: [a] }, counter: 1, debug: {} })).toEqual({ tasks: [a] });
		expect(insideData({ data: a })).toEqual(a);
	});

	it('keeps answers that are not the envelope: a record with a data field, arrays, text', () => {
		const record = { _id: 'x', data: { note: 1 }, name: 'Task' };
		expect(insideData(record)).toBe(record);
		expect(insideData([a])).toEqual([a]);
		expect(insideData('ok')).toBe('ok');
		expect(insideData(null)).toBeNull();
	});
});
