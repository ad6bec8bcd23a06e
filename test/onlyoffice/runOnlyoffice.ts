import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { nodeRunner, type OperationRunOptions } from '../helpers/runNode';

export { picked } from '../helpers/runNode';
import { API_URL, NODE, STORED_TOKEN, passwordCredentials } from './credentials';

/** Runs the ONLYOFFICE node once, for one operation of `resource` (task or taskCategory). */
export const runOnlyoffice = nodeRunner(NODE, passwordCredentials);

/** Runs one task operation. */
export const runTask = (
	operation: string,
	parameters?: INodeParameters,
	options?: OperationRunOptions,
) => runOnlyoffice('task', operation, parameters, options);

/** Runs one task category operation. */
export const runCategory = (
	operation: string,
	parameters?: INodeParameters,
	options?: OperationRunOptions,
) => runOnlyoffice('taskCategory', operation, parameters, options);

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
