/**
 * Multi-line text from TeamCity (test failure details, build log lines) for showing as text: control
 * characters other than newlines and tabs removed, the token and any Bearer credential replaced, cut short.
 * safeDetail in teamcity-redact.ts does the same for one-line messages.
 */
export function scrubText(text: string, token: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  let clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  if (token.length >= 8) clean = clean.split(token).join('[redacted]');
  clean = clean.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
