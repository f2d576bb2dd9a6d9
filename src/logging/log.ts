/**
 * The backend's only logger. It takes an event name and flat, non-secret fields; free text (and so anything
 * that could quote a request or a token) has no way in.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export const logEvent = (event: string, fields: LogFields = {}): void => {
  console.log(JSON.stringify({ event, ...fields }));
};
