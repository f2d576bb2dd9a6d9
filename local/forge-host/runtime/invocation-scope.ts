/**
 * One resolver invocation: which emulated user it runs for (so `asUser()` product calls know who "the user"
 * is), and whether the runtime has cut it off at the invocation limit. Forge stops a function at the limit;
 * Node cannot stop an async function, so once `stopped` is set every platform call it still makes (storage,
 * Bitbucket, egress) is refused instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DemoUser } from '../bitbucket/demo-data';

export type Invocation = { user: DemoUser; stopped: boolean };

export const invocationScope = new AsyncLocalStorage<Invocation>();

export class InvocationStoppedError extends Error {
  constructor() {
    super('This invocation was stopped at the invocation time limit; the call was not made.');
    this.name = 'InvocationStoppedError';
  }
}

export function assertInvocationRunning(): void {
  if (invocationScope.getStore()?.stopped) throw new InvocationStoppedError();
}
