/**
 * Multi-line text from TeamCity (test failure details, build log lines) for showing as text: control
 * characters other than newlines and tabs removed, the token in every encoding the client's scrubber knows
 * (teamcity-redact.ts) and any Bearer credential replaced, cut short.
 */
import { bound, scrubberFor } from './teamcity-redact';

export function scrubText(text: string, token: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  return bound(scrubberFor(token)(clean), maxLength);
}
