import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { ChangeFeed, ChangeStream } from '../../shared/polling/changeFeed';
import { servedAtOf } from '../../shared/polling/servedAt';
import { unsortedStream, type UnsortedWindow } from '../../shared/polling/unsortedWindow';
import { sendVendorRequest } from '../../shared/transport/request';
import { cotalkerApi, cotalkerPaging } from '../transport';
import type { CotalkerAccount } from './account';
import { movedState, taskTime, wasEdited, type CotalkerEvent } from './events';
import { contentOf, refOf } from './taskFields';

/** What a Cotalker trigger watches: which changes, in which task groups, of which tasks. */
export interface CotalkerTriggerSettings {
	event: CotalkerEvent;
	/** The task groups' IDs (ObjectIds). */
	taskGroups: string[];
	/** Only tasks of this user, when set. */
	assignee?: string;
	account: CotalkerAccount;
}

const MINUTE = 60_000;
const paging = cotalkerPaging('tasks');

/** The window each event reads: by creation for Created, by last change otherwise. */
const windowTime = (event: CotalkerEvent) => (event === 'created' ? 'createdAt' : 'modifiedAt');

/**
 * Cotalker as a change feed: one stream per task group, over the v2 task list
 * (`GET /api/v2/task-groups/{id}/tasks`). That list filters by `modifiedAt_gte` and
 * `createdAt_gte` but documents only `name` as a sort, so each poll reads the whole window from
 * the cursor minus the overlap, unsorted, with `isActive=all` (a task deactivated while the window
 * is read stays in it, so the window only grows; see unsortedWindow.ts), 100 tasks a page with the
 * total. The list gives the whole task (COTTask), so the version listed is the one emitted and
 * remembered: no second read.
 * - Any Change: the modifiedAt window, every change (a creation sets modifiedAt too).
 * - Created: the createdAt window.
 * - Updated: the modifiedAt window, tasks whose last change came after their creation and did not
 *   move their state.
 * - State Changed: the modifiedAt window (a state move sets modifiedAt too), each task's
 *   modifiedStateAt after its creation, once per state move.
 * Cotalker stamps milliseconds; a task changed twice within one is told apart by its content.
 */
export function cotalkerChangeFeed(
	context: IPollFunctions,
	{ event, taskGroups, assignee, account }: CotalkerTriggerSettings,
): ChangeFeed {
	const overlapMs = 2 * MINUTE;
	const time = windowTime(event);
	const idOf = (task: IDataObject) => String(task._id);
	// Each task group's stream reports its own tasks only: the engine asks every stream about
	// every task it emits.
	const inScope = (task: IDataObject, taskGroup: string) =>
		refOf(task, 'taskGroup') === taskGroup && (!assignee || refOf(task, 'assignee') === assignee);

	const window = (taskGroup: string): UnsortedWindow => ({
		overlapMs,
		idOf,
		timeOf: (task) => taskTime(task, time),
		async fetchPage(since, pageIndex) {
			const response = await sendVendorRequest(
				context,
				cotalkerApi,
				paging.requestPage(
					{
						method: 'GET',
						baseURL: account.baseURL,
						url: `/api/v2/task-groups/${encodeURIComponent(taskGroup)}/tasks`,
						headers: { Accept: 'application/json' },
						qs: { isActive: 'all', ...(since ? { [`${time}_gte`]: since.toISOString() } : {}) },
					},
					pageIndex,
					paging.maxPageSize,
				),
			);
			const page = paging.readPage(response, paging.maxPageSize, pageIndex);
			return { ...page, servedAt: servedAtOf(response.headers) };
		},
	});

	const byEvent: Record<
		CotalkerEvent,
		Omit<Parameters<typeof unsortedStream>[0], 'name' | 'window'>
	> = {
		anyChange: { fingerprint: contentOf },
		created: {},
		updated: { reports: wasEdited, fingerprint: contentOf },
		stateChanged: {
			timeOf: (task) => taskTime(task, 'modifiedStateAt'),
			reports: movedState,
			// Two moves within one millisecond keep modifiedStateAt: the state tells them apart.
			fingerprint: (task) => String(task.smState),
		},
	};

	const stream = (taskGroup: string): ChangeStream => {
		const spec = byEvent[event];
		const reports = spec.reports;
		return unsortedStream({
			...spec,
			name: taskGroup,
			window: window(taskGroup),
			reports: (task) => inScope(task, taskGroup) && (reports?.(task) ?? true),
		});
	};

	return {
		granularityMs: 1,
		overlapMs,
		streams: taskGroups.map(stream),
		idOf,
		configuration: { ...account, resource: 'task', event, taskGroups, assignee },
	};
}
