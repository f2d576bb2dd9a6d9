import { formatExactTime, formatRelativeTime } from './relative-time';

const NOW = new Date('2025-03-12T14:30:00.000Z');
const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const utc = { timeZone: 'UTC' };

describe('formatRelativeTime', () => {
  it.each([
    [0, 'A moment ago'],
    [59_999, 'A moment ago'],
    [MINUTE, 'A minute ago'],
    [2 * MINUTE - 1, 'A minute ago'],
    [5 * MINUTE, '5 minutes ago'],
    [59 * MINUTE, '59 minutes ago'],
    [HOUR, 'An hour ago'],
    [2 * HOUR - 1, 'An hour ago'],
    [2 * HOUR, '2 hours ago'],
    [23 * HOUR, '23 hours ago'],
    [DAY, 'Yesterday'],
    [2 * DAY - 1, 'Yesterday'],
    [2 * DAY, '2 days ago'],
    [3 * DAY + 5 * HOUR, '3 days ago'],
    [7 * DAY - 1, '6 days ago'],
  ])('%i ms ago reads "%s"', (elapsed, expected) => {
    expect(formatRelativeTime(ago(elapsed), NOW, utc)).toBe(expected);
  });

  it('shows the calendar date from a week on', () => {
    expect(formatRelativeTime(ago(7 * DAY), NOW, utc)).toBe('Mar 5, 2025');
    expect(formatRelativeTime('2024-11-02T08:00:00.000Z', NOW, utc)).toBe('Nov 2, 2024');
  });

  it('treats a timestamp slightly in the future (clock skew) as now, and one far ahead as a date', () => {
    expect(formatRelativeTime(ago(-30_000), NOW, utc)).toBe('A moment ago');
    expect(formatRelativeTime(ago(-3 * DAY), NOW, utc)).toBe('Mar 15, 2025');
  });

  it('uses the given time zone for the calendar date', () => {
    const lateEvening = '2025-03-01T23:30:00.000Z';
    expect(formatRelativeTime(lateEvening, NOW, { timeZone: 'UTC' })).toBe('Mar 1, 2025');
    expect(formatRelativeTime(lateEvening, NOW, { timeZone: 'Asia/Tokyo' })).toBe('Mar 2, 2025');
  });

  it('accepts Date objects and says so when the value is not a date', () => {
    expect(formatRelativeTime(new Date(NOW.getTime() - 5 * MINUTE), NOW)).toBe('5 minutes ago');
    expect(formatRelativeTime('not a date', NOW)).toBe('Unknown date');
  });
});

describe('formatExactTime', () => {
  it('gives date and time for the tooltip', () => {
    expect(formatExactTime('2025-03-12T14:03:00.000Z', utc)).toBe('Mar 12, 2025, 2:03 PM');
    expect(formatExactTime('garbage', utc)).toBe('Unknown date');
  });
});
