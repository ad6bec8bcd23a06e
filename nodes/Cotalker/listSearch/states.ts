import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

const none = async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [];
};

export const getNextStates = none;
export const getStates = none;
