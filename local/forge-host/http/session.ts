/**
 * The emulated sign-in: `?as=<name>` on any page switches user and remembers it in a cookie.
 * This is the only source of the user's identity; request bodies never are. Only a top-level navigation the
 * user made may switch (see request-origin.ts), so an `<img>` or frame on another site cannot sign them in as
 * someone else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUserNavigation } from './request-origin';
import { DEFAULT_USER, demoUser, isValidUserName, type DemoUser } from '../bitbucket/demo-data';

const COOKIE = 'forge_local_user';

export function sessionUser(req: IncomingMessage, url: URL, res: ServerResponse): DemoUser {
  const requested = url.searchParams.get('as');
  if (requested !== null && isValidUserName(requested) && isUserNavigation(req)) {
    res.appendHeader('Set-Cookie', `${COOKIE}=${requested}; Path=/; HttpOnly; SameSite=Strict`);
    return demoUser(requested);
  }
  return demoUser(cookieUser(req) ?? DEFAULT_USER);
}

function cookieUser(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value && isValidUserName(value)) return value;
  }
  return undefined;
}
