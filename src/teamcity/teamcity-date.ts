/**
 * TeamCity writes dates as `yyyyMMdd'T'HHmmss±hhmm` (e.g. 20200120T032125+0000), which `Date.parse` does not
 * accept. We hand the rest of the app ISO 8601 in UTC so dates compare and format without knowing TeamCity.
 */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})([+-])(\d{2}):?(\d{2})$/;

export function teamCityDateToIso(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = COMPACT.exec(value.trim());
  if (match) {
    const [, y, mo, d, h, mi, s, sign, oh, om] = match;
    const parsed = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${oh}:${om}`);
    return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
  }
  // A date we cannot read is dropped rather than failing the whole response: it is display data.
  if (!ISO.test(value)) return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}
