import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecutor } from '../../../shared/executor';
import { outputtingTasks, simplifyField } from '../../../shared/task/simplify';
import type { NexudusEntity } from '../../entities';

/** The operations that output records as read: the ones Simplify applies to. */
const READ_OPERATIONS = ['get', 'find', 'list', 'range'];

/** The Simplify switch of a task entity's read operations; other entities have none. */
export const simplifyFields = (entity: NexudusEntity): INodeProperties[] =>
	entity.task ? [simplifyField({ resource: [entity.resource], operation: READ_OPERATIONS })] : [];

/** A read operation's executor: for a task entity, its records as shared Tasks on Simplify. */
export const readingTasks = (entity: NexudusEntity, executor: OperationExecutor) =>
	entity.task ? outputtingTasks(executor, { mapping: entity.task.mapping }) : executor;
