import type { Icon } from 'n8n-workflow';

/** The ONLYOFFICE icon, relative to nodes/Onlyoffice/. */
export const onlyofficeIcon: Icon = {
	light: 'file:../../icons/onlyoffice.svg',
	dark: 'file:../../icons/onlyoffice.dark.svg',
};
