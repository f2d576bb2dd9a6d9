/**
 * The one pass every string from a TeamCity server goes through before other code sees it: the token is
 * replaced (raw and in the encodings a server or proxy could echo it in) and the text is bounded in length. A
 * server may echo the request's Authorization header into a reason phrase, a header, an error page or any
 * field of a JSON body, so this runs on the status line, on the headers we read and on every string of the body.
 * (Very short "tokens" are not scrubbed: replacing every "a" would garble the text, and real TeamCity tokens
 * are far longer.)
 */
const MAX_DETAIL = 300;
/** Longest string kept from a body: a build parameter's value may be this long (teamcity-input.ts). */
export const MAX_BODY_STRING = 65_536;
/** Deeper than any TeamCity answer; a deeper one is not TeamCity and would only cost stack. */
const MAX_DEPTH = 64;
const REDACTED = '[redacted]';
const MIN_SECRET = 8;

export type Scrubber = (text: string) => string;

/**
 * The token as a server could send it back: raw, its middle (signed) part, base64 and base64url of the token and
 * of the whole header value, and percent-encoded. The same forms the secret-canary suite searches for.
 */
function secretForms(token: string): string[] {
  const header = `Bearer ${token}`;
  const forms = [
    token,
    token.split('.')[1] ?? '',
    Buffer.from(token).toString('base64'),
    Buffer.from(token).toString('base64url'),
    Buffer.from(header).toString('base64'),
    Buffer.from(header).toString('base64url'),
    encodeURIComponent(token),
  ];
  // Longest first, so a form that contains another is replaced whole.
  return [...new Set(forms.map((f) => f.replace(/=+$/, '')).filter((f) => f.length >= MIN_SECRET))].sort((a, b) => b.length - a.length);
}

export function scrubberFor(token: string): Scrubber {
  const forms = secretForms(token.trim());
  return (text) => {
    // Most strings are short names and ids; the checks below cost more than they could find there.
    if (text.length < MIN_SECRET) return text;
    let clean = text;
    for (const form of forms) if (clean.includes(form)) clean = clean.split(form).join(REDACTED);
    return /bearer/i.test(clean) ? clean.replace(/Bearer\s+[^\s"'<>,;]+/gi, `Bearer ${REDACTED}`) : clean;
  };
}

export const bound = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A copy of parsed JSON with every string (keys too) scrubbed and bounded; throws past MAX_DEPTH. */
export function scrubJson(value: unknown, scrub: Scrubber, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new RangeError('JSON nested too deeply');
  if (typeof value === 'string') return bound(scrub(value), MAX_BODY_STRING);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, scrub, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [bound(scrub(k), 256), scrubJson(v, scrub, depth + 1)]));
  }
  return value;
}

/**
 * Server text for a message: one line, no control characters, scrubbed, at most MAX_DETAIL characters; undefined
 * when nothing is left.
 */
export function safeDetail(text: string | undefined, scrub: Scrubber, max = MAX_DETAIL): string | undefined {
  if (text === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const controls = /[\u0000-\u001f\u007f-\u009f]+/g;
  // Scrubbed before and after joining lines, so a token split by a line break is caught too.
  const clean = scrub(
    scrub(text)
      .slice(0, max * 20)
      .replace(controls, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return clean === '' ? undefined : bound(clean, max);
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
