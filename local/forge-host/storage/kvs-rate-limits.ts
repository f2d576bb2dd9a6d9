/**
 * The KVS operation limits per installation: 1000 requests a second, and 4000 read and 4000 write units a
 * minute, where a unit is 10 KB of payload rounded up (a 65 KB write counts 7). Past a limit the service
 * answers 429 RATE_LIMIT_EXCEEDED, which @forge/kvs surfaces as a ForgeKvsAPIError with that code.
 * https://developer.atlassian.com/platform/forge/limits-kvs-ce/
 * https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs/
 * Fixed windows, as the invocation limits are; the clock is injected so tests need not wait.
 */
import { KvsServiceError } from './kvs-service-error';

export const MAX_REQUESTS_PER_SECOND = 1000;
export const MAX_READ_UNITS_PER_MINUTE = 4000;
export const MAX_WRITE_UNITS_PER_MINUTE = 4000;
const UNIT_BYTES = 10 * 1000;

const WRITE_PATHS = /\/(set|delete|transaction)$/;

export const unitsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / UNIT_BYTES));
export const isWrite = (path: string) => WRITE_PATHS.test(path);

const rateLimited = () => new KvsServiceError(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded');

export type KvsRateLimiter = {
  /** Before an operation: counts the request (and a write's payload), or throws 429. */
  admit(path: string, requestBytes: number): void;
  /** After a read: its answer's size counts against the read units. */
  charge(path: string, responseBytes: number): void;
};

export function createKvsRateLimiter(now: () => number): KvsRateLimiter {
  let second = -1;
  let requests = 0;
  let minute = -1;
  let readUnits = 0;
  let writeUnits = 0;
  const roll = () => {
    const t = now();
    if (Math.floor(t / 1000) !== second) [second, requests] = [Math.floor(t / 1000), 0];
    if (Math.floor(t / 60_000) !== minute) [minute, readUnits, writeUnits] = [Math.floor(t / 60_000), 0, 0];
  };
  return {
    admit(path, requestBytes) {
      roll();
      if (requests >= MAX_REQUESTS_PER_SECOND) throw rateLimited();
      if (isWrite(path) ? writeUnits >= MAX_WRITE_UNITS_PER_MINUTE : readUnits >= MAX_READ_UNITS_PER_MINUTE) throw rateLimited();
      requests += 1;
      if (isWrite(path)) writeUnits += unitsFor(requestBytes);
    },
    charge(path, responseBytes) {
      if (!isWrite(path)) readUnits += unitsFor(responseBytes);
    },
  };
}

export const unlimited: KvsRateLimiter = { admit: () => undefined, charge: () => undefined };
