import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

const none = async function (this: ILoadOptionsFunctions): Promise<INodeListSearchResult> {
	return { results: [] };
};

export const searchTaskGroups = none;
export const searchTasks = none;
export const searchUsers = none;
