import { ChangeLog } from './changeLog';

/** The oracle of every trigger simulation: it must catch each way a trigger can go wrong. */
describe('ChangeLog', () => {
	const log = () => {
		const changes = new ChangeLog();
		changes.record('a', '1');
		changes.record('a', '2');
		changes.record('b', '1');
		changes.record('b', '1'); // the same version again is no change
		return changes;
	};

	it('passes a run that emitted every change once, counting overwritten versions as superseded', () => {
		expect(
			log().check([
				{ id: 'a', version: '2' },
				{ id: 'b', version: '1' },
			]),
		).toEqual({
			changes: 3,
			records: 2,
			emitted: 2,
			superseded: 1,
			missed: [],
			duplicates: [],
			unknown: [],
			outOfOrder: [],
		});
	});

	it('finds a missed change, a duplicate, a version the server never had and one out of order', () => {
		const check = log().check([
			{ id: 'a', version: '2' },
			{ id: 'a', version: '1' },
			{ id: 'a', version: '2' },
			{ id: 'c', version: '9' },
		]);
		expect(check).toMatchObject({
			missed: ['b @ 1'],
			duplicates: ['a @ 2'],
			unknown: ['c @ 9'],
			outOfOrder: ['a @ 1'],
		});
	});

	it('forgets the changes before a reset (a trigger set up anew)', () => {
		const changes = log();
		changes.reset();
		changes.record('b', '2');
		expect(changes.check([{ id: 'b', version: '2' }])).toMatchObject({ changes: 1, missed: [] });
	});
});
