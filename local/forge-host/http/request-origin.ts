/**
 * Who may talk to the local host. It runs on people's machines with a workspace admin signed in, so a page on
 * another origin must not reach it: not through DNS rebinding (a foreign name resolving to 127.0.0.1, caught
 * by the `Host` check), not through the bridge (full origin, scheme included), and not by switching the
 * emulated user with an `<img src=".../?as=demo">` (only top-level navigations the user made may switch).
 */
import type { IncomingMessage } from 'node:http';

/** The names the host answers to: its loopback address and `localhost`, which browsers never resolve elsewhere. */
export function servedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isServedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && servedHosts(port).includes(host.toLowerCase());
}

/** A request with an `Origin` must come from exactly `http://<the Host it was sent to>`; none means same-origin. */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${req.headers.host ?? ''}`;
}

/**
 * Fetch metadata a browser sends with a navigation the user started (typed URL, bookmark, link on this host).
 * Every current browser sends `Sec-Fetch-Site` on every request, and no page can make it leave it out; a request
 * without it comes from a program (curl, Node's fetch, a test), not from a page on another origin.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Sec-Fetch-Site
 */
export function isUserNavigation(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === undefined) return true;
  return (
    (site === 'none' || site === 'same-origin') &&
    req.headers['sec-fetch-mode'] === 'navigate' &&
    req.headers['sec-fetch-dest'] === 'document'
  );
}
