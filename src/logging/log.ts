/**
 * The backend's only logger. It takes an event name and flat, non-secret fields; free text (and so anything
 * that could quote a request or a token) has no way in. Lines go to `console.log`, which Forge collects as the
 * app's logs (`forge logs`, https://developer.atlassian.com/platform/forge/cli-reference/logs/).
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export const formatLogLine = (event: string, fields: LogFields = {}): string => JSON.stringify({ event, ...fields });

export const logEvent = (event: string, fields: LogFields = {}): void => {
  console.log(formatLogLine(event, fields));
};

/** True for a line `logEvent` wrote: the test environment holds these back unless the test fails. */
export function isLogLine(text: string): boolean {
  if (!text.startsWith('{"event":')) return false;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { event?: unknown }).event === 'string';
  } catch {
    return false;
  }
}
