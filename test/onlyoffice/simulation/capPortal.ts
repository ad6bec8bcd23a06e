import nock from 'nock';

import { API_URL } from '../credentials';
import { CALL, MIKE, PAGE } from '../trigger-sandbox';

/** A task as the task list shows it, with the fields the trigger fingerprints. */
export interface ListedTask {
	id: number;
	created: string;
	title: string;
	deadLine: string;
	responsible: { id: string };
	category: { id: number };
	canEdit: boolean;
}

/** A task of the portal below, created at `created` (ISO, the portal's clock). */
export const listedTask = (id: number, created: string): ListedTask => ({
	id,
	created,
	title: `Task ${id}`,
	deadLine: '2026-03-20T00:00:00.0000000+03:00',
	responsible: { id: MIKE },
	category: { id: CALL },
	canEdit: true,
});

/**
 * A portal of tens of thousands of tasks, served from a list in memory (nock): the emulator would
 * sort them all again for each of the 50 pages of a poll. It pages as the portal does
 * (startIndex, count; `total` the count of tasks on a full page, else startIndex plus the tasks
 * returned) and dates its answers `servedAt` (HTTP Date).
 */
export function serveTasks(tasks: ListedTask[], servedAt: Date) {
	nock.cleanAll();
	nock(API_URL)
		.persist()
		.get('/crm/task/filter')
		.query(true)
		.reply(
			200,
			(uri) => {
				const query = new URL(uri, API_URL).searchParams;
				const startIndex = Number(query.get('startIndex'));
				const page = tasks.slice(startIndex, startIndex + PAGE);
				return {
					count: page.length,
					startIndex,
					...(page.length === PAGE ? { nextIndex: startIndex + PAGE } : {}),
					total: page.length === PAGE ? tasks.length : startIndex + page.length,
					status: 0,
					statusCode: 200,
					response: page,
				};
			},
			{ Date: servedAt.toUTCString() },
		);
}
