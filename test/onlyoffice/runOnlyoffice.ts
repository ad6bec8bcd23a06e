import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../helpers/runNode';
import { API_URL, NODE, STORED_TOKEN, passwordCredentials } from './credentials';

interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	input?: IDataObject[];
	continueOnFail?: boolean;
}

/** Runs the ONLYOFFICE node once, for one operation of `resource`. */
export const runOnlyoffice = (
	resource: 'task' | 'taskCategory',
	operation: string,
	parameters: INodeParameters = {},
	options: RunOptions = {},
) =>
	runNode({
		type: NODE,
		parameters: { resource, operation, ...parameters },
		credentials: options.credentials ?? passwordCredentials,
		input: options.input,
		continueOnFail: options.continueOnFail,
	});

/** Runs one task operation. */
export const runTask = (operation: string, parameters?: INodeParameters, options?: RunOptions) =>
	runOnlyoffice('task', operation, parameters, options);

/** Runs one task category operation. */
export const runCategory = (
	operation: string,
	parameters?: INodeParameters,
	options?: RunOptions,
) => runOnlyoffice('taskCategory', operation, parameters, options);

/** A record picked in a resource locator, by ID or from the list. */
export const picked = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });

/** The headers every API request must carry: the raw token (no scheme) and the JSON Accept. */
export const AUTH_HEADERS = { authorization: STORED_TOKEN, accept: 'application/json' };

/** The portal's API as nock intercepts it: every request must carry AUTH_HEADERS exactly. */
export const onlyoffice = () => nock(API_URL, { reqheaders: AUTH_HEADERS });

/** ONLYOFFICE's success envelope around one record. */
export const single = (response: unknown, statusCode = 200) => ({
	count: 1,
	status: 0,
	statusCode,
	response,
});

/** ONLYOFFICE's success envelope around a page of a list. */
export const listed = (
	response: IDataObject[],
	paging: { startIndex?: number; nextIndex?: number; total?: number } = {},
) => ({
	...(response.length ? { count: response.length } : {}),
	...(paging.startIndex ? { startIndex: paging.startIndex } : {}),
	...(paging.nextIndex !== undefined ? { nextIndex: paging.nextIndex } : {}),
	...(paging.total !== undefined ? { total: paging.total } : {}),
	status: 0,
	statusCode: 200,
	response,
});

/** ONLYOFFICE's error envelope. */
export const failed = (statusCode: number, message: string) => ({
	status: 1,
	statusCode,
	error: { message },
});
