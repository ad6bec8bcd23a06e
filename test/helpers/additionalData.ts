import type { ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

const BASE = 'http://localhost:5678';

/** The execution environment n8n hands to a node, reduced to what an execution here needs. */
export function createAdditionalData(credentials: Record<string, ICredentialDataDecryptedObject>) {
	const credentialsHelper = new TestCredentialsHelper(credentials);
	const additionalData = {
		credentialsHelper,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: BASE,
		formBaseUrl: `${BASE}/form`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		formTestBaseUrl: `${BASE}/form-test`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		mcpBaseUrl: `${BASE}/mcp`,
		mcpTestBaseUrl: `${BASE}/mcp-test`,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Code tasks are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { additionalData, credentialsHelper };
}
