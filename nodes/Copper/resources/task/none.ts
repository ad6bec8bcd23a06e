/** Copper's ID for "none" in task search filters: no assignee, no project, no opportunity. */
export const NONE = -2;
