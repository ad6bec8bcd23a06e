/**
 * Writes record IDs compactly for poll state: sorted, with runs of consecutive whole numbers
 * written `first..last`, so a burst of new records (consecutive IDs) costs a few characters.
 * IDs must not contain a comma; the IDs of every vendor in this package (numbers, GUIDs, Mongo
 * ObjectIds) never do.
 */
export function encodeIds(ids: Iterable<string>): string {
	const numbers: number[] = [];
	const others: string[] = [];
	for (const id of new Set(ids)) {
		if (/^(0|[1-9]\d{0,14})$/.test(id)) numbers.push(Number(id));
		else others.push(id);
	}
	numbers.sort((a, b) => a - b);
	const runs: string[] = [];
	for (let start = 0; start < numbers.length; ) {
		let end = start;
		while (end + 1 < numbers.length && numbers[end + 1] === numbers[end] + 1) end++;
		runs.push(end > start ? `${numbers[start]}..${numbers[end]}` : String(numbers[start]));
		start = end + 1;
	}
	return [...runs, ...others.sort()].join(',');
}

/** Reads IDs written by encodeIds. */
export function decodeIds(text: string): string[] {
	if (text === '') return [];
	return text.split(',').flatMap((token) => {
		const run = /^(\d{1,15})\.\.(\d{1,15})$/.exec(token);
		if (!run) return [token];
		const ids: string[] = [];
		for (let id = Number(run[1]); id <= Number(run[2]); id++) ids.push(String(id));
		return ids;
	});
}
