// Runs n8n's community-package scanner on this package, as n8n runs it on published packages:
// once over the source tree and once over the tarball `npm pack` makes. The scanner's CLI only
// takes registry packages, so this calls its analyzePackage() on local folders.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'crm-tasks-scan-'));

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	console.log(`scanner (${label}): ${result.passed ? 'passed' : 'FAILED'}${result.message ? ` - ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root })
		.toString()
		.trim()
		.split('\n')
		.pop();
	execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', scratch]);
	const source = await scan('source', root, SOURCE_FILE_PATTERNS);
	const packed = await scan(`tarball ${tarball}`, join(scratch, 'package'), ['**/*.js', 'package.json']);
	process.exitCode = source && packed ? 0 : 1;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
