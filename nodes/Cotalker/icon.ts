import type { Icon } from 'n8n-workflow';

/** The Cotalker icon, relative to nodes/Cotalker/. */
export const cotalkerIcon: Icon = {
	light: 'file:../../icons/cotalker.svg',
	dark: 'file:../../icons/cotalker.dark.svg',
};
