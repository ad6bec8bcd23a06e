import operations from '../../examples/onlyoffice-operations.workflow.json';
import { followedBy, type SavedWorkflow } from '../helpers/reliability/exampleRun';
import { testNode } from '../helpers/testNode';
import { NODE } from './credentials';
import { picked } from './runOnlyoffice';

/**
 * The operations example, followed by the one operation it does not show: a Get of the seeded task
 * category "Meeting" (33).
 */
export const everyOperation: SavedWorkflow = followedBy(
	operations as unknown as SavedWorkflow,
	testNode(
		'Get task category',
		NODE,
		{ resource: 'taskCategory', operation: 'get', recordId: picked('33') },
		['onlyofficeWorkspaceApi'],
	),
);
