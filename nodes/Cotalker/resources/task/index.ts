import type { INodeProperties } from 'n8n-workflow';

/** Everything the node shows for tasks (being written). */
export const taskDescription: INodeProperties[] = [];
