import type { IExecuteSingleFunctions, INode } from 'n8n-workflow';

/**
 * An item's parameters as the routing engine hands them over to a hook, resource locators
 * extracted, for unit tests of the shared checks. Paths read like n8n's: `a.b`, `a.list[1].c`.
 */
export function itemContext(
	parameters: Record<string, unknown>,
	{ timeZone = 'UTC' }: { timeZone?: string } = {},
) {
	const read = (path: string) =>
		path
			.replace(/\[(\d+)\]/g, '.$1')
			.split('.')
			.reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], parameters);
	return {
		getNode: () => ({ name: 'Vendor' }) as INode,
		getItemIndex: () => 0,
		getTimezone: () => timeZone,
		getNodeParameter: (path: string, fallback: unknown) => {
			const value = read(path);
			if (value === undefined) return fallback;
			return typeof value === 'object' && value !== null && 'mode' in value && 'value' in value
				? (value as { value: unknown }).value
				: value;
		},
	} as unknown as IExecuteSingleFunctions;
}
