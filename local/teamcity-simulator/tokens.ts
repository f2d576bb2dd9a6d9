import { randomBytes, randomUUID } from 'node:crypto';

export type SimToken = { value: string; name: string; username: string; createdAt: number; expiresAt?: number };

/** base64 of {"typ": "TCV2"}, the header every TeamCity 2019.1+ access token starts with. */
const TOKEN_HEADER = 'eyJ0eXAiOiAiVENWMiJ9';

function newTokenValue(): string {
  const secret = randomBytes(27).toString('base64url');
  return `${TOKEN_HEADER}.${Buffer.from(secret).toString('base64url')}.${Buffer.from(randomUUID()).toString('base64url')}`;
}

export class TokenStore {
  private readonly byValue = new Map<string, SimToken>();

  constructor(private readonly clock: () => number = Date.now) {}

  create(username: string, name: string, expiresAt?: number, now = this.clock()): SimToken {
    if (this.list(username).some((t) => t.name === name)) {
      throw new DuplicateTokenError(name);
    }
    const token: SimToken = { value: newTokenValue(), name, username, createdAt: now, expiresAt };
    this.byValue.set(token.value, token);
    return token;
  }

  revoke(value: string): void {
    this.byValue.delete(value);
  }

  deleteByName(username: string, name: string): boolean {
    const token = this.list(username).find((t) => t.name === name);
    if (token) this.byValue.delete(token.value);
    return token !== undefined;
  }

  list(username: string): SimToken[] {
    return [...this.byValue.values()].filter((t) => t.username === username);
  }

  /** The token if it exists and has not expired. */
  lookup(value: string, now = this.clock()): SimToken | undefined {
    const token = this.byValue.get(value);
    if (!token || (token.expiresAt !== undefined && token.expiresAt <= now)) return undefined;
    return token;
  }
}

export class DuplicateTokenError extends Error {
  constructor(readonly tokenName: string) {
    super(`Token with name '${tokenName}' already exists`);
  }
}
