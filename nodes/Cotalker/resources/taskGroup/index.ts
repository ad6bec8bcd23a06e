import type { INodeProperties } from 'n8n-workflow';

/** Everything the node shows for task groups (being written). */
export const taskGroupDescription: INodeProperties[] = [];
