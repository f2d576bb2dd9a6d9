/** Which emulated user a resolver invocation runs for, so `asUser()` product calls made inside it know who "the user" is. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DemoUser } from '../bitbucket/demo-data';

export const invocationScope = new AsyncLocalStorage<{ user: DemoUser }>();
