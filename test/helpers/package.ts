import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import packageJson from '../../package.json';

type Constructor<T> = new () => T;

/** Loads the source module behind a `dist/...js` entry of package.json's n8n section. */
function loadFromDist<T>(distPath: string): T {
	const sourcePath = distPath.replace(/^dist\//, '../../').replace(/\.js$/, '.ts');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(sourcePath) as Record<string, Constructor<T>>;
	const classes = Object.values(exported);
	if (classes.length !== 1) throw new Error(`${distPath} must export exactly one class`);
	return new classes[0]();
}

/** Every node the package registers, instantiated from source. */
export function packageNodes(): Array<INodeType | IVersionedNodeType> {
	return packageJson.n8n.nodes.map((path) => loadFromDist<INodeType>(path));
}

/** Every credential type the package registers, instantiated from source. */
export function packageCredentials(): ICredentialType[] {
	return packageJson.n8n.credentials.map((path) => loadFromDist<ICredentialType>(path));
}
