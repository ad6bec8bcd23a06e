import type { Icon } from 'n8n-workflow';

/** The Nexudus icon, relative to nodes/Nexudus/. */
export const nexudusIcon: Icon = {
	light: 'file:../../icons/nexudus.svg',
	dark: 'file:../../icons/nexudus.dark.svg',
};
