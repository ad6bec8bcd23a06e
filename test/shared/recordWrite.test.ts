import { categoryReplaceShape } from '../../nodes/Onlyoffice/resources/taskCategory/record';
import { replacementBody, writableCopy } from '../../nodes/shared/recordWrite';

describe('full-replace updates: properties written in another form than they are read', () => {
	it('computes a derived property (a field or a kept one) from the record as read, instead of reading it', () => {
		const shape = {
			idProperty: 'id',
			fields: [],
			kept: ['code'],
			derived: { code: (record: Record<string, unknown>) => `#${String(record.name)}` },
		};
		expect(writableCopy({ id: 7, name: 'x', code: 'stale' }, shape)).toEqual({ id: 7, code: '#x' });
	});

	it('leaves a derived property out when it cannot be computed', () => {
		const shape = {
			idProperty: 'id',
			fields: [],
			kept: ['code'],
			derived: { code: () => undefined },
		};
		expect(writableCopy({ id: 7 }, shape)).toEqual({ id: 7 });
	});

	it("sends an ONLYOFFICE task category's icon back as its file name, so an update keeps it", () => {
		const read = {
			id: 35,
			title: 'Site visit',
			description: "Visits at the customer's site",
			color: '',
			sortOrder: 4,
			imagePath: '/Products/CRM/App_Themes/default/images/task_category_meeting.png',
			relativeItemsCount: 1,
		};
		expect(replacementBody(read, { title: 'Site visits' }, categoryReplaceShape)).toEqual({
			id: 35,
			title: 'Site visits',
			description: "Visits at the customer's site",
			imageName: 'task_category_meeting.png',
			sortOrder: 4,
		});
	});

	it("takes the icon's file name without the path's query or fragment", () => {
		const read = {
			id: 35,
			title: 'Site visit',
			imagePath: '/images/task_category_call.png?ver=11.5#icon',
		};
		expect(replacementBody(read, {}, categoryReplaceShape)).toEqual({
			id: 35,
			title: 'Site visit',
			imageName: 'task_category_call.png',
		});
	});

	it('lets a changed icon win over the one read', () => {
		const read = { id: 35, title: 'Site visit', imagePath: '/images/task_category_call.png' };
		expect(
			replacementBody(read, { imageName: 'task_category_email.png' }, categoryReplaceShape),
		).toEqual({ id: 35, title: 'Site visit', imageName: 'task_category_email.png' });
	});
});
