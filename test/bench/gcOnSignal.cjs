// Local tooling, not shipped.
// Preloaded into the n8n the benchmark measures (NODE_OPTIONS=--expose-gc --require <this>):
// SIGUSR2 runs a full garbage collection, so that each measured run starts from live memory only.
'use strict';
process.on('SIGUSR2', () => {
	if (typeof global.gc === 'function') global.gc();
});
