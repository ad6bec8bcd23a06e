import nock from 'nock';

import { BASE_URL, BASIC_AUTH } from './credentials';
import task from './fixtures/coworkerTask.json';
import { written } from './fixtures/writeEnvelopes';

/**
 * The requests of one update of coworker task 1001: Nexudus answers the read with `read`, takes the
 * PUT `body` (the whole record, a full replace), then answers the read-back with the fixture task.
 */
export const expectTaskUpdate = (read: object, body: object) =>
	nock(BASE_URL, { reqheaders: { authorization: BASIC_AUTH } })
		.get('/crm/coworkertasks/1001')
		.reply(200, read)
		.put('/crm/coworkertasks', (sent) => {
			expect(sent).toEqual(body);
			return true;
		})
		.reply(200, written(1001, 'CoworkerTask was successfully updated.'))
		.get('/crm/coworkertasks/1001')
		.reply(200, task);
