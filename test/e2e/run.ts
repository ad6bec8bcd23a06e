/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- local tooling, not shipped */
/**
 * npm run test:e2e: the pack in real n8n, headless, against the vendor sandboxes, on each tested
 * n8n line (2.40.7 and 1.123.81; E2E_N8N_VERSIONS=2.40.7 picks one), side by side.
 * E2E_VENDORS=cotalker (or any of nexudus, copper, onlyoffice, cotalker, comma-separated) runs
 * only those vendors' steps 3 to 6; steps 1 and 2 always run.
 * 1. Installs each real n8n into its cache (scripts/n8n/install.sh), builds and packs the pack,
 *    and installs the `npm pack` tarball into each n8n's nodes folder, as a user would.
 * 2. Checks that n8n loads every node, its AI tool variant and the credential.
 * 3. Runs each vendor's "every operation" example workflow through `n8n execute` and checks each
 *    node (for Copper, ONLYOFFICE and Cotalker also the API calls and queries the sandbox received,
 *    and for Copper and ONLYOFFICE their bodies).
 * 4. Expires the stored Nexudus and ONLYOFFICE tokens and checks that the next run renews each
 *    with one sign-in and keeps it.
 * 5. Tests the Nexudus credential as the editor does: Bearer Token and Basic Auth pass, a wrong
 *    password fails in both; the ONLYOFFICE one passes with its password and with an access
 *    token, and fails with a wrong password or token; the Cotalker one passes with its API token,
 *    with Admin Access on and off, and fails with a wrong token.
 * 6. Activates the trigger workflows (Nexudus, Copper, ONLYOFFICE Task Closed, Cotalker Any Change
 *    and State Changed) together, changes records in each sandbox between polls, and checks that
 *    the sink received exactly those changes, each once.
 * 7. Activates the Copper → Nexudus sync example, changes Copper tasks, and checks that each change
 *    reaches Nexudus once (one copy per task), also when the sync runs again over the same tasks
 *    (test/e2e/sync.ts); then runs each flow of the ONLYOFFICE ↔ Cotalker status-mirroring example
 *    by hand (test/e2e/mirror.ts).
 * 8. Runs each vendor's first operation with its credential's secrets wrong (the run must fail),
 *    then looks for every credential value, right or wrong, in the executions n8n stored, its
 *    database files and its logs (test/e2e/secrets.ts): none may appear.
 * Each line runs on free ports with its own user folder and sandboxes. E2E_PARALLEL=false runs the
 * lines one after the other. Any failure to install or start n8n fails the run; nothing is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Checks } from './checks';
import { runLine } from './line';
import { N8N_VERSIONS, installAndPack } from './n8n';

const checks = new Checks();
const work = mkdtempSync(join(tmpdir(), 'crm-tasks-e2e-'));
const parallel = process.env.E2E_PARALLEL !== 'false';

async function main() {
	const started = Date.now();
	console.log(
		`e2e: n8n ${N8N_VERSIONS.join(' and ')}, ${parallel ? 'side by side' : 'one after the other'}; work folder ${work}`,
	);
	const tarball = await installAndPack(checks, N8N_VERSIONS, work);

	if (parallel) {
		await Promise.all(
			N8N_VERSIONS.map(async (version) => await runLine(version, tarball, work, checks)),
		);
	} else {
		for (const version of N8N_VERSIONS) await runLine(version, tarball, work, checks);
	}
	console.log(`e2e: all lines done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main()
	.catch(async (error) => {
		await checks.check('the end-to-end run completes', () => {
			throw error;
		});
	})
	.finally(() => {
		if (process.env.E2E_KEEP !== 'true') rmSync(work, { recursive: true, force: true });
		else console.log(`e2e: kept ${work}`);
		checks.finish();
	});
