/**
 * Nexudus authentication: HTTP Basic with an admin's email/password, or a Bearer token from
 * `POST /api/token` (OAuth2 password grant, form-encoded; refresh_token grant too).
 */
import { randomBytes } from 'node:crypto';

export interface AdminAccount {
	email: string;
	password: string;
}

interface IssuedToken {
	email: string;
	expiresAtMs: number;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	refresh_token: string;
}

export type TokenResult =
	| { status: 200; body: TokenResponse }
	| { status: 400; body: { error: string; error_description?: string } };

export class TokenStore {
	private readonly accessTokens = new Map<string, IssuedToken>();
	private readonly refreshTokens = new Map<string, string>();

	constructor(
		private readonly admins: AdminAccount[],
		private readonly lifetimeSeconds: () => number,
	) {}

	get size(): number {
		return this.accessTokens.size;
	}

	/** Returns the admin email for a valid `Authorization` header, or undefined. */
	authenticate(header: string | undefined, nowMs: number): string | undefined {
		if (!header) return undefined;
		const [scheme, credentials = ''] = header.trim().split(/\s+/, 2);
		if (scheme.toLowerCase() === 'basic') {
			const decoded = Buffer.from(credentials, 'base64').toString('utf8');
			const separator = decoded.indexOf(':');
			if (separator < 0) return undefined;
			return this.checkPassword(decoded.slice(0, separator), decoded.slice(separator + 1));
		}
		if (scheme.toLowerCase() === 'bearer') {
			const token = this.accessTokens.get(credentials);
			return token && token.expiresAtMs > nowMs ? token.email : undefined;
		}
		return undefined;
	}

	/** Handles a `POST /api/token` request. */
	grant(contentType: string | undefined, rawBody: string, nowMs: number): TokenResult {
		if (!(contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) {
			return { status: 400, body: { error: 'unsupported_grant_type' } };
		}
		const form = new URLSearchParams(rawBody);
		const grantType = form.get('grant_type');
		if (grantType === 'password') {
			const email = this.checkPassword(form.get('username') ?? '', form.get('password') ?? '');
			return email
				? { status: 200, body: this.issue(email, nowMs) }
				: invalidGrant('The user name or password is incorrect.');
		}
		if (grantType === 'refresh_token') {
			const refreshToken = form.get('refresh_token') ?? '';
			const email = this.refreshTokens.get(refreshToken);
			if (!email) return invalidGrant('The refresh token is invalid.');
			this.refreshTokens.delete(refreshToken);
			return { status: 200, body: this.issue(email, nowMs) };
		}
		return { status: 400, body: { error: 'unsupported_grant_type' } };
	}

	issue(email: string, nowMs: number): TokenResponse {
		const lifetime = this.lifetimeSeconds();
		const accessToken = randomBytes(24).toString('base64url');
		const refreshToken = randomBytes(16).toString('hex');
		this.accessTokens.set(accessToken, { email, expiresAtMs: nowMs + lifetime * 1000 });
		this.refreshTokens.set(refreshToken, email);
		return {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: lifetime,
			refresh_token: refreshToken,
		};
	}

	expireAll(): void {
		for (const token of this.accessTokens.values()) token.expiresAtMs = 0;
	}

	clear(): void {
		this.accessTokens.clear();
		this.refreshTokens.clear();
	}

	private checkPassword(email: string, password: string): string | undefined {
		const admin = this.admins.find(
			(candidate) => candidate.email.toLowerCase() === email.trim().toLowerCase(),
		);
		return admin && admin.password === password ? admin.email : undefined;
	}
}

function invalidGrant(description: string): TokenResult {
	return { status: 400, body: { error: 'invalid_grant', error_description: description } };
}
