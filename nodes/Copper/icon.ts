import type { Icon } from 'n8n-workflow';

/** The Copper icon, relative to nodes/Copper/. */
export const copperIcon: Icon = {
	light: 'file:../../icons/copper.svg',
	dark: 'file:../../icons/copper.dark.svg',
};
