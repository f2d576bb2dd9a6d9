/** TeamCity's compact date form yyyyMMdd'T'HHmmss±hhmm, always rendered in UTC (+0000). */
export function tcDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}` +
    `T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+0000`
  );
}

/**
 * Access token times: TeamCity's Token entity holds java.util.Date fields without the REST API's compact date
 * adapter, so JAXB writes xsd:dateTime (recorded: creationTime="2024-08-21T14:08:12.588Z").
 */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})([+-])(\d{2})(\d{2})$/;

/** Parses the compact form (used for token expirationTime in request bodies); ISO strings are accepted too. */
export function parseTcDate(text: string): number | null {
  const m = COMPACT.exec(text);
  if (!m) {
    const iso = Date.parse(text);
    return Number.isNaN(iso) ? null : iso;
  }
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  const offset = (+oh! * 60 + +om!) * 60_000 * (sign === '-' ? -1 : 1);
  return utc - offset;
}
