const { rmSync } = require('node:fs');
const { src, dest, series } = require('gulp');

/** Removes the previous build so that deleted sources leave nothing behind in dist. */
function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

/** Copies what tsc does not emit: node and credential icons, and the codex files. */
function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}', 'icons/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports['build:assets'] = copyAssets;
exports.default = series(clean, copyAssets);
