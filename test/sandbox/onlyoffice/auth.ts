/**
 * ONLYOFFICE sign-in (vendors.md §3.1): `POST /api/2.0/authentication[.json]` with `userName`
 * and `password` (JSON or form; the newer DocSpace spellings `UserName`/`Password` bind too, as
 * parameter names are case-insensitive) answers 201 `{token, expires}`. Later requests send the
 * raw token in `Authorization`, with no scheme.
 *
 * Decided [?]: `Authorization: Bearer <token>` is REFUSED (401), so a client that adds the
 * scheme fails here rather than on a portal that may refuse it. Tokens expire after
 * `tokenLifetimeSeconds` (default 30 days [?]) by the sandbox clock, or at once via
 * `POST /__sandbox/expire-tokens`.
 */
import { randomBytes } from 'node:crypto';

export interface Account {
	userName: string;
	password: string;
	/** The user's GUID. */
	userId: string;
}

interface IssuedToken {
	userId: string;
	expiresAtMs: number;
}

export class TokenStore {
	private readonly tokens = new Map<string, IssuedToken>();
	signIns = 0;
	failedSignIns = 0;

	constructor(private readonly accounts: Account[]) {}

	get size(): number {
		return this.tokens.size;
	}

	/** The user GUID for an `Authorization` header, or undefined. */
	authenticate(header: string | undefined, nowMs: number): string | undefined {
		const token = (header ?? '').trim();
		if (token === '' || /\s/.test(token)) return undefined; // any scheme prefix is refused
		const issued = this.tokens.get(token);
		return issued && issued.expiresAtMs > nowMs ? issued.userId : undefined;
	}

	/** Checks the credentials; returns the new token and its expiry, or undefined. */
	signIn(
		userName: string,
		password: string,
		nowMs: number,
		lifetimeSeconds: number,
	): { token: string; userId: string; expiresAtMs: number } | undefined {
		const account = this.accounts.find(
			(candidate) =>
				candidate.userName.toLowerCase() === userName.trim().toLowerCase() &&
				candidate.password === password,
		);
		if (!account) {
			this.failedSignIns++;
			return undefined;
		}
		this.signIns++;
		const token = randomBytes(32).toString('base64url');
		const expiresAtMs = nowMs + lifetimeSeconds * 1000;
		this.tokens.set(token, { userId: account.userId, expiresAtMs });
		return { token, userId: account.userId, expiresAtMs };
	}

	/** Makes every issued token invalid (they answer 401). */
	expireAll(): number {
		const count = this.tokens.size;
		this.tokens.clear();
		return count;
	}
}
