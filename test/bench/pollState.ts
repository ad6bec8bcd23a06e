/**
 * The trigger's state over many polls, in-process: n8n-core's PollContext (test/helpers'
 * ActivePollTrigger, as n8n's active-workflow manager drives a trigger) against a fresh emulator
 * over real loopback HTTP. Between polls a seeded few new tasks appear (none in most polls), and
 * the JSON of the static data is measured after every poll.
 */
import { ActivePollTrigger } from '../helpers/pollTrigger';
import { clearRequests } from '../sandbox/traffic';
import { seededRandom } from '../helpers/reliability/random';
import type { StateRow } from './report';
import type { VendorBench } from './vendors';

export async function measureStateOverPolls(bench: VendorBench, polls: number): Promise<StateRow> {
	const sandbox = bench.createSandbox();
	const server = await sandbox.start(0, '127.0.0.1');
	const random = seededRandom(12);
	try {
		const trigger = new ActivePollTrigger({
			type: `n8n-nodes-crm-tasks.${bench.vendor}Trigger`,
			parameters: bench.triggerParameters,
			credentials: { [bench.credentialType]: bench.credential(server.url) },
		});
		let changes = 0;
		let maxChars = 0;
		let chars = 0;
		for (let poll = 0; poll < polls; poll++) {
			if (poll > 0 && random.chance(0.2)) {
				const count = random.between(1, 5);
				sandbox.seedTasks(
					Array.from({ length: count }, (_, index) => bench.newTask(changes + index)),
				);
				changes += count;
			}
			await trigger.poll();
			clearRequests(sandbox.state);
			chars = JSON.stringify(trigger.state ?? {}).length;
			maxChars = Math.max(maxChars, chars);
		}
		return { vendor: bench.displayName, polls, changes, maxChars, finalChars: chars };
	} finally {
		await server.close();
	}
}
