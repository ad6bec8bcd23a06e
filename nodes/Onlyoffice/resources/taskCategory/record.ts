import type { IDataObject } from 'n8n-workflow';

import type { WritableRecord } from '../../../shared/record';
import type { ReplaceShape } from '../../../shared/recordWrite';
import { pickers } from '../../pickers';
import { onlyofficeApi } from '../../transport';
import { categoryFields } from './fields';

/** An ONLYOFFICE task category as a record the node reads, creates, changes and deletes. */
export const taskCategory: WritableRecord = {
	resource: 'taskCategory',
	noun: 'task category',
	path: '/crm/task/category',
	picker: pickers.taskCategory,
	api: onlyofficeApi,
	fields: categoryFields,
};

/**
 * The icon's file name, which a category is read back with as a path (`imagePath`), perhaps with
 * a query or fragment after it (e.g. `?ver=11.5`).
 */
const imageNameOf = (category: IDataObject) =>
	typeof category.imagePath === 'string' && category.imagePath !== ''
		? category.imagePath.split(/[?#]/)[0].split('/').pop()
		: undefined;

/**
 * `PUT /crm/task/category/{id}` rebuilds the category too: an update sends every field back,
 * the icon as the file name it was created with.
 */
export const categoryReplaceShape: ReplaceShape = {
	idProperty: 'id',
	fields: categoryFields,
	derived: { imageName: imageNameOf },
};
