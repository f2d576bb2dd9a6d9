import type { IncomingHttpHeaders } from 'node:http';
import type { SimUser } from './entities';
import type { SimulatorData } from './data';
import type { TokenStore } from './tokens';

export type AuthFailure = 'required' | 'badPassword' | 'badToken';
export type AuthResult = { user: SimUser } | { failure: AuthFailure };

const LOGIN_HINT = 'To login manually go to "/login.html" page';

/** 401 bodies as TeamCity words them (text/plain, no trailing newline). */
export const AUTH_FAILURE_TEXT: Record<AuthFailure, string> = {
  required: `Authentication required\n${LOGIN_HINT}`,
  badPassword: `Incorrect username or password\n${LOGIN_HINT}`,
  badToken: `Invalid authentication request or authentication scheme is not supported\n${LOGIN_HINT}`,
};

export function authenticate(headers: IncomingHttpHeaders, data: SimulatorData, tokens: TokenStore, tokensSupported: boolean): AuthResult {
  const header = headers.authorization;
  if (!header) return { failure: 'required' };
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon > 0 ? data.users.get(decoded.slice(0, colon)) : undefined;
    return user && user.password === decoded.slice(colon + 1) ? { user } : { failure: 'badPassword' };
  }
  if (scheme.toLowerCase() === 'bearer' && tokensSupported) {
    const token = tokens.lookup(credentials);
    const user = token ? data.users.get(token.username) : undefined;
    return user ? { user } : { failure: 'badToken' };
  }
  return { failure: 'badToken' };
}
