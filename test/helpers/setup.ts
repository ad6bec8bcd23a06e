import nock from 'nock';

import { forgetUnmatchedRequests, recordUnmatchedRequests } from './requests';

beforeAll(() => {
	nock.disableNetConnect();
	recordUnmatchedRequests();
});

beforeEach(() => {
	forgetUnmatchedRequests();
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.enableNetConnect();
});
