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
	// Node's http module outlives this test file, but this file's copy of nock does not: take its
	// interceptor out of http again, or the next file's requests would run through it too (and
	// Jest warns "'emitter' property was accessed … after it was soft deleted").
	nock.restore();
});
