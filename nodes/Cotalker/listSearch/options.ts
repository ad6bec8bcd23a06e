import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

const none = async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [];
};

export const getProperties = none;
