/**
 * Dates in tables read as "5 minutes ago" the way Bitbucket shows them; the exact time goes in a tooltip.
 * `now` and the time zone are parameters so the wording is testable and does not drift with the clock.
 */
export type TimeFormatOptions = {
  /** IANA zone for the calendar date; the browser's own zone when omitted. */
  timeZone?: string;
  locale?: string;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Clocks of the browser and the backend disagree a little; a timestamp slightly ahead is still "now". */
const CLOCK_SKEW = MINUTE;

const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));

function formatCalendarDate(value: string | Date, options: TimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale ?? 'en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: options.timeZone,
  }).format(toDate(value));
}

export function formatExactTime(value: string | Date, options: TimeFormatOptions = {}): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return 'Unknown date';
  return new Intl.DateTimeFormat(options.locale ?? 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(date);
}

export function formatRelativeTime(value: string | Date, now: Date = new Date(), options: TimeFormatOptions = {}): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return 'Unknown date';
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < -CLOCK_SKEW) return formatCalendarDate(date, options);
  if (elapsed < MINUTE) return 'A moment ago';
  if (elapsed < HOUR) {
    const minutes = Math.floor(elapsed / MINUTE);
    return minutes === 1 ? 'A minute ago' : `${minutes} minutes ago`;
  }
  if (elapsed < DAY) {
    const hours = Math.floor(elapsed / HOUR);
    return hours === 1 ? 'An hour ago' : `${hours} hours ago`;
  }
  if (elapsed < 2 * DAY) return 'Yesterday';
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} days ago`;
  return formatCalendarDate(date, options);
}
