/**
 * Server text goes into messages people read and logs keep, so it is cut short, stripped of control
 * characters, and scrubbed of the token in case a proxy echoed request headers back. (Very short "tokens" are
 * not scrubbed: replacing every "a" would garble the message, and real TeamCity tokens are far longer.)
 */
const MAX_DETAIL = 300;

export function safeDetail(text: string | undefined, token: string): string | undefined {
  if (text === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const controls = /[\u0000-\u001f\u007f-\u009f]+/g;
  let clean = text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
  if (token.length >= 8) clean = clean.split(token).join('[redacted]');
  clean = clean.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
  if (clean === '') return undefined;
  return clean.length > MAX_DETAIL ? `${clean.slice(0, MAX_DETAIL - 1)}…` : clean;
}

/** A URL for a message: scheme, host and path only, so user:password@ or query secrets never show. */
export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return 'the server URL';
  }
}
