import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { IdRule } from './idRule';

/** How a record is picked: the listSearch method behind a searchable resource locator. */
export interface RecordPicker {
	searchListMethod: string;
	/** What the records are called, e.g. "coworker". */
	noun: string;
	/** The vendor's rule for the records' IDs: the "By ID" mode and the check of a picked ID. */
	idRule: IdRule;
}

/** The kinds of value a field holds; each has its own control, check and body form. */
export type FieldType =
	| 'string'
	| 'text'
	| 'boolean'
	| 'number'
	| 'dateTime'
	| 'record'
	| 'options'
	| 'stringList'
	| 'recordList'
	| 'optionList'
	| 'object'
	| 'customFields'
	| 'groupedValues';

/** One writable field of a vendor record: where it goes in the API, and how users see it. */
export interface RecordField {
	/** The property name in the vendor's JSON, e.g. `DueDate` or `due_date`. */
	property: string;
	displayName: string;
	type: FieldType;
	description?: string;
	/** Required when creating a record. */
	required?: boolean;
	/** For `record` and `recordList` fields: how the user picks the records (and their ID rule). */
	picker?: RecordPicker;
	/** For `options` and `optionList`: the values the vendor accepts. */
	options?: INodePropertyOptions[];
	/**
	 * For `recordList`: the loadOptions method listing the records by name; else IDs are typed.
	 * For `options`: the method listing the values when they are the vendor's own (no `options`).
	 */
	loadOptionsMethod?: string;
	/** For `options` with a loadOptionsMethod: the parameters the list depends on. */
	loadOptionsDependsOn?: string[];
	/**
	 * For `options` with a loadOptionsMethod: the rule of the IDs the list gives, checked at run
	 * time (an expression can give anything). For `string` fields that hold a typed ID: its rule.
	 */
	idRule?: IdRule;
	/** For `recordList`: the value that stands for "none", e.g. Copper's -2 for "no assignee". */
	none?: { name: string; value: number };
	/** For `object`: its properties, each a field of its own. */
	fields?: RecordField[];
	/**
	 * For `customFields`: the loadOptions method listing the definitions. The body gets
	 * `[{ <definitionProperty>: id, value: <as typed, null when empty> }]`; the vendor's write hook
	 * turns the typed values into what each definition's type takes.
	 */
	definitions?: { loadOptionsMethod: string; definitionProperty: string };
	/**
	 * For `groupedValues`: values keyed by a group and a key, sent as `{<group>: {<key>: value}}`,
	 * e.g. Cotalker's extensions `{collectionCode: {fieldCode: value}}`. The labels of the two
	 * codes, e.g. "Collection Code" and "Field Code", and what one entry is called.
	 */
	grouping?: { group: string; key: string; entry: string };
	/**
	 * For `dateTime` fields: a time typed without an offset is in the workflow's time zone (else in
	 * UTC). For vendors whose dates are moments, such as Unix seconds.
	 */
	workflowTimeZone?: boolean;
	/** For `dateTime` fields: how the vendor writes dates. Defaults to ISO 8601 in UTC. */
	formatDate?: (date: Date) => string | number;
	/**
	 * For `dateTime` fields the vendor reads in a place's local time: the value is sent as the
	 * wall-clock time typed, without a zone and not converted (see toWallClock).
	 */
	wallClock?: boolean;
	/**
	 * The property this field is another way of writing, e.g. a due date in local time for the due
	 * date in UTC. Only one of the two is ever sent: the one the user set (see recordWrite.ts).
	 */
	sameValueAs?: string;
	/** Whether an update may clear the field (send null), see update.ts. */
	clearable?: boolean;
	/**
	 * Where the field's value is in the record as the vendor reads it back, when that differs from
	 * the write parameter: a dotted path, e.g. `deadLine` for `deadline`, or `entity.entityId`. A
	 * full-replace update sends the value found there (see recordWrite.ts).
	 */
	readFrom?: string;
}

/** The parameter name of a field: its API property in camelCase (`due_date` → `dueDate`). */
export const parameterName = (field: Pick<RecordField, 'property'>) =>
	(field.property.charAt(0).toLowerCase() + field.property.slice(1)).replace(
		/_([a-z])/g,
		(_, letter: string) => letter.toUpperCase(),
	);

/**
 * What a field holds, in words: its label without n8n's " Name or ID" suffix of dropdowns listed
 * by the vendor, e.g. "Status 1" for "Status 1 Name or ID", for lists of fields such as Fields to
 * Clear.
 */
export const fieldNoun = (field: Pick<RecordField, 'displayName'>) =>
	field.displayName.replace(/ Name or ID$/, '');

/** A searchable resource locator for picking one record, with an ID mode (the vendor's ID rule). */
export function recordLocator(
	picker: RecordPicker,
	base: Pick<INodeProperties, 'displayName' | 'name'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...base,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${picker.noun}...`,
				typeOptions: { searchListMethod: picker.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: picker.idRule.placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: picker.idRule.pattern, errorMessage: picker.idRule.message },
					},
				],
			},
		],
	};
}

/** The run-time check of a record picked or typed in `picker`, by the vendor's ID rule. */
export const pickedId = (picker: RecordPicker) => picker.idRule.picked(picker.noun);

/** The UI parameter for one field, without display options. */
export function fieldParameter(field: RecordField, required = false): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: parameterName(field),
		description: field.description,
		required,
	};
	switch (field.type) {
		case 'record':
			return recordLocator(field.picker!, base);
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'number':
			return { ...base, type: 'number', default: 0 };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: '' };
		case 'text':
			return { ...base, type: 'string', default: '', typeOptions: { rows: 4 } };
		case 'options':
			return field.loadOptionsMethod
				? {
						...base,
						type: 'options',
						typeOptions: {
							loadOptionsMethod: field.loadOptionsMethod,
							...(field.loadOptionsDependsOn
								? { loadOptionsDependsOn: field.loadOptionsDependsOn }
								: {}),
						},
						default: '',
					}
				: {
						...base,
						type: 'options',
						options: field.options!,
						default: field.options![0].value,
					};
		case 'stringList':
			return { ...base, type: 'string', default: '', placeholder: 'e.g. first, second' };
		case 'optionList':
			return { ...base, type: 'multiOptions', options: field.options!, default: [] };
		case 'recordList':
			return field.loadOptionsMethod
				? {
						...base,
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
						default: [],
					}
				: {
						...base,
						type: 'string',
						default: '',
						placeholder: field.picker?.idRule.listPlaceholder ?? 'e.g. 1234, 5678',
					};
		case 'object':
			return {
				...base,
				type: 'fixedCollection',
				placeholder: `Set ${field.displayName}`,
				default: {},
				options: [
					{
						displayName: field.displayName,
						name: 'value',
						values: field.fields!.map((part) => fieldParameter(part, true)),
					},
				],
			};
		case 'customFields':
			return customFieldsParameter(field, base);
		case 'groupedValues':
			return groupedValuesParameter(field, base);
		default:
			return { ...base, type: 'string', default: '' };
	}
}

function customFieldsParameter(
	field: RecordField,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
): INodeProperties {
	return {
		...base,
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Custom Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'definition',
						type: 'options',
						typeOptions: { loadOptionsMethod: field.definitions!.loadOptionsMethod },
						default: '',
						description:
							'The custom field to set. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The value as you would type it: text, a number, a date, true or false, or the name of an option (several separated by commas). Leave it empty to clear the field.',
					},
				],
			},
		],
	};
}

/** Entries of a `groupedValues` field: a group, a key and a value each. */
function groupedValuesParameter(
	field: RecordField,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
): INodeProperties {
	const { group, key, entry } = field.grouping!;
	return {
		...base,
		type: 'fixedCollection',
		placeholder: `Add ${entry}`,
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: entry,
				name: 'entry',
				values: [
					{
						displayName: group,
						name: 'group',
						type: 'string',
						default: '',
						required: true,
						description: `The ${group.toLowerCase()} the value belongs to`,
					},
					{
						displayName: key,
						name: 'key',
						type: 'string',
						default: '',
						required: true,
						description: `The ${key.toLowerCase()} within that group`,
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The value to store. An expression keeps its type (number, true or false, list, object). Leave it empty to store null.',
					},
				],
			},
		],
	};
}

/** A collection of optional fields the user adds one by one, e.g. Filters or Date Range. */
export interface FieldCollection {
	name: string;
	displayName: string;
	/** The add button's label, e.g. "Add Filter". */
	placeholder: string;
	description: string;
	hint?: string;
	/** The fields, from the field table; listed by name unless `keepOrder`. */
	fields: RecordField[];
	/** Parameters that are not in the field table, e.g. Copper's custom field conditions. */
	more?: INodeProperties[];
	keepOrder?: boolean;
	show: IDisplayOptions['show'];
}

/** The UI parameter of a collection of optional fields. */
export function fieldCollection(collection: FieldCollection): INodeProperties {
	const options = [
		...collection.fields.map((field) => fieldParameter(field)),
		...(collection.more ?? []),
	];
	return {
		displayName: collection.displayName,
		name: collection.name,
		type: 'collection',
		placeholder: collection.placeholder,
		default: {},
		description: collection.description,
		...(collection.hint ? { hint: collection.hint } : {}),
		options: collection.keepOrder
			? options
			: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		displayOptions: { show: collection.show },
	};
}
