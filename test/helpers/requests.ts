import nock from 'nock';

/** A request that no nock interceptor expected; with the network off it never left the process. */
export interface UnmatchedRequest {
	method: string;
	url: string;
}

let unmatched: UnmatchedRequest[] = [];

export function recordUnmatchedRequests() {
	nock.emitter.on('no match', (request: { method?: string; href?: string; path?: string }) => {
		unmatched.push({ method: request.method ?? '?', url: request.href ?? request.path ?? '?' });
	});
}

export function forgetUnmatchedRequests() {
	unmatched = [];
}

/** Requests attempted in this test that no interceptor matched. */
export const unmatchedRequests = () => [...unmatched];

/** Every request this test sent: none may be left unmatched, and every interceptor used. */
export function expectExactRequests(...scopes: nock.Scope[]) {
	expect(unmatchedRequests()).toEqual([]);
	for (const scope of scopes) expect(scope.pendingMocks()).toEqual([]);
}

/** Asserts that the test sent no request at all. */
export function expectNoRequests() {
	expect(unmatchedRequests()).toEqual([]);
	expect(nock.pendingMocks()).toEqual([]);
}
