import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { PackageNodeTypes } from './nodeTypes';
import { packageCredentials } from './package';
import { runNode } from './runNode';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * Tests a credential the way n8n's credential tester does for a credential with a `test` request:
 * a stand-in declarative node whose one parameter routes the test request is run through the
 * routing engine with the credential, and any error's message becomes the verdict.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credential = packageCredentials().find((candidate) => candidate.name === type);
	if (!credential?.test) throw new Error(`Credential type ${type} has no test request`);
	const tester: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test request',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			requestDefaults: {},
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credential.test.request },
				},
			],
		},
	};
	const run = await runNode({
		type: 'n8n-nodes-crm-tasks.credentialTest',
		parameters: {},
		credentials: { [type]: data },
		nodeTypes: new PackageNodeTypes([tester]),
	});
	return run.error
		? { status: 'Error', message: run.error.message }
		: { status: 'OK', message: 'Connection successful!' };
}
