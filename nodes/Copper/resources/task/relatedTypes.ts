/**
 * The kinds of record a Copper task can be related to (`related_resource.type`), with the search
 * endpoint of each. Copper's task docs show `project`; the others follow its parent-type naming.
 */
export const relatedTypes = [
	{ name: 'Company', value: 'company', path: '/companies/search' },
	{ name: 'Lead', value: 'lead', path: '/leads/search' },
	{ name: 'Opportunity', value: 'opportunity', path: '/opportunities/search' },
	{ name: 'Person', value: 'person', path: '/people/search' },
	{ name: 'Project', value: 'project', path: '/projects/search' },
];
