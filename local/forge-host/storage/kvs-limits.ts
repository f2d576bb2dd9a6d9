/**
 * Limits of the hosted Forge KVS, so an app that works here does not fail on the real service.
 * Sources: developer.atlassian.com storage-reference (handling-errors-kvs, storage-api-query,
 * transactions, batchops) as of 2025.
 */
import { KvsServiceError, badRequest } from './kvs-service-error';

export const MAX_KEY_LENGTH = 500;
/** The service's documented key regex is /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ (the `-` in `\s-#` is literal). */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_VALUE_DEPTH = 32;
/** "Limit the result size to 10 values, up to a maximum of 20" (kvs.query docs). */
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 20;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;

export function validateKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new KvsServiceError(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsServiceError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsServiceError(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  }
  return key;
}

export function validateEntityName(entityName: unknown): string {
  if (typeof entityName !== 'string' || entityName.length < 3 || entityName.length > 60) {
    throw new KvsServiceError(400, 'INVALID_ENTITY_NAME', 'The entity name must be 3 to 60 characters.');
  }
  return entityName;
}

/** Returns the value serialised as stored, after the checks the service makes. */
export function serializeValue(value: unknown): string {
  if (value === undefined) throw badRequest('Provided request body is invalid: value is required');
  if (depthOf(value) > MAX_VALUE_DEPTH) {
    throw new KvsServiceError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit.`);
  }
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
    throw new KvsServiceError(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
  }
  return text;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}
