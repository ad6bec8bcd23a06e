/**
 * Seeded commands (`GET …/commands`, `POST …/runcommand`). Real command keys are tenant- and
 * version-dependent (vendors.md §1.5); these are plausible stand-ins with the documented shape.
 */
import type { ReferenceData, ScalarValue, StoredRecord } from './model';

export interface CommandParameterSpec {
	Name: string;
	Type: string;
}

export interface CommandDescriptor {
	Key: string;
	Name: string;
	AppliesOnlyToMultipleEntities: boolean;
	AppliesOnlyToOneEntity: boolean;
	AppliesOnlyToTwoEntities: boolean;
	NeedsEntitiesToRun: boolean;
	DisplayInDropdown: boolean;
	DisplayInDropdownV2: boolean;
	DisplayInGrid: boolean;
	Icon: string | null;
	Order: number;
	RequiresParameters: CommandParameterSpec[];
}

export interface CommandDefinition {
	descriptor: CommandDescriptor;
	/** Returns an error message, or applies the change to every record and returns undefined. */
	run(
		records: StoredRecord[],
		parameters: Map<string, ScalarValue>,
		ref: ReferenceData,
	): string | undefined;
}

function descriptor(
	key: string,
	name: string,
	order: number,
	requiresParameters: CommandParameterSpec[] = [],
	scope: Partial<CommandDescriptor> = {},
): CommandDescriptor {
	return {
		Key: key,
		Name: name,
		AppliesOnlyToMultipleEntities: false,
		AppliesOnlyToOneEntity: false,
		AppliesOnlyToTwoEntities: false,
		NeedsEntitiesToRun: true,
		DisplayInDropdown: true,
		DisplayInDropdownV2: true,
		DisplayInGrid: true,
		Icon: null,
		Order: order,
		RequiresParameters: requiresParameters,
		...scope,
	};
}

function setField(field: string, value: ScalarValue) {
	return (records: StoredRecord[]) => {
		for (const record of records) record.values[field] = value;
		return undefined;
	};
}

const setSystemId: CommandDefinition = {
	descriptor: descriptor('SET_SYSTEM_ID', 'Set external system id', 90, [
		{ Name: 'SystemId', Type: 'string' },
	]),
	run(records, parameters) {
		const value = parameters.get('SystemId');
		if (value === undefined) return 'Parameter SystemId is required.';
		return setField('SystemId', value === null ? null : String(value))(records);
	},
};

export const TASK_COMMANDS: CommandDefinition[] = [
	{
		descriptor: descriptor('COMPLETE_TASKS', 'Mark as completed', 1),
		run: setField('Completed', true),
	},
	{
		descriptor: descriptor('REOPEN_TASKS', 'Mark as not completed', 2),
		run: setField('Completed', false),
	},
	{
		descriptor: descriptor('ASSIGN_RESPONSIBLE', 'Assign to another admin', 3, [
			{ Name: 'ResponsibleId', Type: 'int' },
		]),
		run(records, parameters, ref) {
			const id = Number(parameters.get('ResponsibleId'));
			if (!ref.users.some((user) => user.Id === id)) {
				return `Parameter ResponsibleId: user '${String(parameters.get('ResponsibleId'))}' could not be found.`;
			}
			return setField('ResponsibleId', id)(records);
		},
	},
	{
		descriptor: descriptor('POSTPONE_TASKS', 'Postpone to a date', 4, [
			{ Name: 'DueDate', Type: 'DateTime' },
			{ Name: 'NotifyByEmail', Type: 'bool' },
		]),
		run(records, parameters) {
			const due = Date.parse(String(parameters.get('DueDate')));
			if (Number.isNaN(due)) {
				return `Parameter DueDate: '${String(parameters.get('DueDate'))}' is not a date.`;
			}
			const notify = parameters.get('NotifyByEmail');
			if (typeof notify !== 'boolean') return 'Parameter NotifyByEmail: expected true or false.';
			setField('DueDate', due)(records);
			return setField('NotifyByEmail', notify)(records);
		},
	},
	{
		// Runs on no record: Nexudus' NeedsEntitiesToRun false.
		descriptor: descriptor('SEND_OVERDUE_DIGEST', 'Email the overdue tasks digest', 5, [], {
			NeedsEntitiesToRun: false,
		}),
		run: () => undefined,
	},
	setSystemId,
];

export const HISTORY_COMMANDS: CommandDefinition[] = [setSystemId];
