// Runs n8n's community-package scanner on this package, as n8n runs it on published packages:
// once over the source tree and once over the tarball `npm pack` makes. The scanner's CLI only
// takes registry packages, so this calls its analyzePackage() on local folders.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'crm-tasks-scan-'));

// The tarball holds only what n8n loads and users read: the compiled JavaScript with its source
// maps (n8n enables source maps, so errors in its log point at our TypeScript lines), the codex
// JSON and icons, package.json, README and licence. No build info, declarations or stray manifests.
function checkTarballFiles(dir) {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)));
	const allowed = (file) =>
		['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md'].includes(file) ||
		(/^dist\/(nodes|credentials|icons)\//.test(file) && /\.(js|js\.map|json|svg|png)$/.test(file));
	const unexpected = files.filter((file) => !allowed(file));
	const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const missing = [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter(
		(file) => !files.includes(file),
	);
	console.log(
		`tarball files: ${files.length}; ${unexpected.length ? `UNEXPECTED: ${unexpected.join(', ')}` : 'nothing unexpected'}; ${missing.length ? `MISSING: ${missing.join(', ')}` : 'every node and credential present'}`,
	);
	return unexpected.length === 0 && missing.length === 0;
}

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
	const contents = checkTarballFiles(join(scratch, 'package'));
	process.exitCode = source && packed && contents ? 0 : 1;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}
