/** Calls the app's resolver handler exactly as the Forge runtime does, for an emulated user, within the invocation limit. */
import path from 'node:path';
import type { DemoUser } from '../bitbucket/demo-data';
import { installContextFor, resolverContext, workspaceOf, type Extension } from './extension-context';
import { invocationScope, type Invocation } from './invocation-scope';

export type ResolverRequest = { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> };
export type BackendRuntimePayload = { principal: { accountId: string }; installContext: string };
export type ResolverHandler = (request: ResolverRequest, backend: BackendRuntimePayload) => Promise<unknown>;

/**
 * "Runtime seconds: 25. Maximum runtime permitted before the app is stopped" for functions behind UI modules.
 * https://developer.atlassian.com/platform/forge/limits-invocation/
 */
export const INVOCATION_LIMIT_MS = 25_000;

/** The invocation ran into the limit and was stopped; what it would have returned is dropped. */
export class InvocationTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`The function did not finish within the invocation time limit (${limitMs / 1000} s) and was stopped.`);
    this.name = 'InvocationTimeoutError';
  }
}

const APP_ENTRY = path.resolve(__dirname, '../../../src/index');

/**
 * Loads `handler` from src/index.ts, or builds one on `now` with its `createHandler`. The loopback flag is set
 * first because the app reads it at load time.
 */
export async function loadAppHandler(now?: () => number): Promise<ResolverHandler> {
  process.env.TEAMCITY_ALLOW_HTTP_LOOPBACK = 'true';
  const appModule = (await import(APP_ENTRY)) as { handler?: unknown; createHandler?: unknown };
  if (now !== undefined) {
    if (typeof appModule.createHandler !== 'function') throw new Error('src/index.ts does not export a `createHandler` function.');
    return (appModule.createHandler as (deps: { now: () => Date }) => ResolverHandler)({ now: () => new Date(now()) });
  }
  if (typeof appModule.handler !== 'function') throw new Error('src/index.ts does not export a `handler` function.');
  return appModule.handler as ResolverHandler;
}

export function runResolver(
  handler: ResolverHandler,
  user: DemoUser,
  functionKey: string,
  payload: unknown,
  extension: Extension,
  limitMs: number = INVOCATION_LIMIT_MS,
): Promise<unknown> {
  const ws = workspaceOf(extension);
  const request: ResolverRequest = { call: { functionKey, payload }, context: resolverContext(extension) };
  const backend: BackendRuntimePayload = { principal: { accountId: user.accountId }, installContext: installContextFor(ws) };
  const invocation: Invocation = { user, stopped: false };
  const running = invocationScope.run(invocation, () => handler(request, backend));
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      invocation.stopped = true;
      reject(new InvocationTimeoutError(limitMs));
    }, limitMs);
  });
  // A cut-off invocation may still settle later; nobody is listening by then.
  running.catch(() => undefined);
  return Promise.race([running, limit]).finally(() => clearTimeout(timer));
}
