import type { IDataObject } from 'n8n-workflow';

/** A failure the vendor reports in a response body, whatever the HTTP status said. */
export interface VendorFailure {
	message: string;
	description?: string;
}

/** What the shared transport needs to know about one vendor's API. */
export interface VendorApi {
	/** The vendor's name as users know it, used in error messages. */
	displayName: string;
	/** The n8n credential type that authenticates requests. */
	credentialType: string;
	/** The HTTP status the vendor answers when it throttles a client. */
	throttleStatus: number;
	/** Finds the vendor's own explanation of a failure in a response body, if there is one. */
	failureIn(body: unknown, statusCode: number): VendorFailure | undefined;
}

/** A response as the transport hands it on: the decoded body with its status and headers. */
export interface VendorResponse<T = unknown> {
	body: T;
	statusCode: number;
	headers: IDataObject;
}
