/**
 * The Forge function behind every module of the app (manifest: function `resolver`, handler `index.handler`).
 */
import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';
import { createTokenService } from './services/token-service';
import { tokenResolvers } from './resolvers/token-resolvers';

const tokenService = createTokenService({ fetch: (url, init) => fetch(url, init as Parameters<typeof fetch>[1]) as unknown as Promise<Response> });

const resolver = new Resolver();
for (const [name, fn] of Object.entries(tokenResolvers(tokenService))) {
  resolver.define(name, fn as Parameters<typeof resolver.define>[1]);
}

export const handler = resolver.getDefinitions();
