/** Calls the app's resolver handler exactly as the Forge runtime does, for an emulated user. */
import path from 'node:path';
import type { DemoUser } from '../bitbucket/demo-data';
import { installContextFor, resolverContext, type Extension } from './extension-context';
import { DEMO_WORKSPACE, findWorkspace } from '../bitbucket/demo-data';
import { invocationScope } from './invocation-scope';

export type ResolverRequest = { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> };
export type BackendRuntimePayload = { principal: { accountId: string }; installContext: string };
export type ResolverHandler = (request: ResolverRequest, backend: BackendRuntimePayload) => Promise<unknown>;

const APP_ENTRY = path.resolve(__dirname, '../../../src/index');

/** src/index.ts's exports. The loopback flag is set first because the app reads it at load time. */
export async function loadAppModule(): Promise<Record<string, unknown>> {
  process.env.TEAMCITY_ALLOW_HTTP_LOOPBACK = 'true';
  return (await import(APP_ENTRY)) as Record<string, unknown>;
}

/** Loads `handler` from src/index.ts. */
export async function loadAppHandler(): Promise<ResolverHandler> {
  const appModule = await loadAppModule();
  if (typeof appModule.handler !== 'function') throw new Error('src/index.ts does not export a `handler` function.');
  return appModule.handler as ResolverHandler;
}

export function runResolver(
  handler: ResolverHandler,
  user: DemoUser,
  functionKey: string,
  payload: unknown,
  extension: Extension,
): Promise<unknown> {
  const ws = findWorkspace(String((extension.workspace as { slug?: unknown } | undefined)?.slug ?? '')) ?? DEMO_WORKSPACE;
  const request: ResolverRequest = { call: { functionKey, payload }, context: resolverContext(extension) };
  const backend: BackendRuntimePayload = { principal: { accountId: user.accountId }, installContext: installContextFor(ws) };
  return invocationScope.run({ user }, () => handler(request, backend));
}
