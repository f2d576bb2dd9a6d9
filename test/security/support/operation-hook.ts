/**
 * Lets a test act at an exact storage step. The host's transport appends each call to `kvs.operations` before
 * it answers, so a listener run on that append can arm `kvs.failNext` for the very call being made, or start a
 * competing request at a chosen point of another's sequence.
 */
import type { LocalHost } from './host-calls';

export type Operation = LocalHost['kvs']['operations'][number];

export function onOperation(host: LocalHost, listener: (op: Operation, index: number) => void): () => void {
  const ops = host.kvs.operations;
  let seen = 0;
  const push = (...items: Operation[]) => {
    const length = Array.prototype.push.apply(ops, items);
    for (const op of items) listener(op, seen++);
    return length;
  };
  Object.defineProperty(ops, 'push', { value: push, configurable: true, writable: true });
  return () => void delete (ops as { push?: unknown }).push;
}

/** A readable label: path without the API prefix and the key without the user part. */
export const describeOperation = (op: Operation): string =>
  `${op.path.replace('/api/v1/', '')}${op.key ? ` ${op.key.replace(/^([a-z-]+):[^:]+:([a-f0-9]{6})[a-f0-9]*/, '$1:…:$2')}` : ''}`;
