/**
 * For the "n8n 1.x" jest project only (jest.config.js). n8n-core 1.x's SSHClientsManager starts a
 * 60 s clean-up interval without `unref()` (2.x unrefs it), which keeps jest from exiting. Stop it
 * after each test file, as n8n itself does on shutdown. The classes come from n8n-core 1.x's own
 * `@n8n/di` container: `n8n-core/...` is mapped to the 1.x copy in this project.
 */
import { Container } from 'n8n-core-1/node_modules/@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

afterAll(() => {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
