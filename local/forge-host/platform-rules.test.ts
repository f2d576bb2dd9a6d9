/**
 * Platform rules the local host enforces like Forge, through real HTTP on 127.0.0.1 with the unmodified
 * @forge/resolver, @forge/api and @forge/kvs: the consent step before asUser() calls, the invocation limit,
 * and product scopes from the manifest.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { startLocalHost, type LocalHost, type LocalHostOptions } from './start-local-host';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-rules-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let release: () => void = () => undefined;
let reportAfterLimit: (outcome: string) => void = () => undefined;
const afterLimit = new Promise<string>((resolve) => (reportAfterLimit = resolve));
const resolver = new Resolver()
  .define('repoAsUser', async () => {
    const response = await api.asUser().requestBitbucket(route`/2.0/repositories/${'acme'}/${'webapp'}`);
    return { status: response.status, slug: ((await response.json()) as { slug: string }).slug };
  })
  .define('repoAsApp', async () => (await api.asApp().requestBitbucket(route`/2.0/repositories/${'acme'}/${'webapp'}`)).status)
  .define('caughtConsent', async () => {
    try {
      await api.asUser().requestBitbucket(route`/2.0/user/workspaces/${'acme'}/permission`);
      return 'no error';
    } catch (error) {
      const e = error as { name: string; message: string; status: number };
      return { name: e.name, message: e.message, status: e.status };
    }
  })
  .define('pullRequest', async () => {
    const response = await api.asUser().requestBitbucket(route`/2.0/repositories/${'acme'}/${'webapp'}/pullrequests/${1}`);
    return { status: response.status, body: await response.json() };
  })
  .define('slowWrite', async () => {
    await new Promise<void>((resolve) => (release = resolve));
    let outcome = 'written';
    try {
      await kvs.set('written-after-limit', true);
    } catch (error) {
      outcome = (error as Error).name;
    }
    reportAfterLimit(outcome);
    return outcome;
  })
  .define('quick', () => 'done');
const handler = resolver.getDefinitions() as never;

const settingsFrame = { module: 'teamcity-personal-settings', workspace: 'acme' };

async function withHost<T>(options: LocalHostOptions, run: (host: LocalHost) => Promise<T>): Promise<T> {
  const host = await startLocalHost({ teamcity: false, handler, ...options });
  try {
    return await run(host);
  } finally {
    await host.close();
  }
}

const bridge = (host: LocalHost, call: string, body: unknown, cookie = 'forge_local_user=erin') =>
  fetch(`${host.url}/__forge/bridge/${call}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-bridge': '1', cookie },
    body: JSON.stringify(body),
  });
const invoke = async (host: LocalHost, functionKey: string) => {
  const response = await bridge(host, 'invoke', { frame: settingsFrame, functionKey });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

describe('consent before the first asUser() call', () => {
  it('fails the invocation the Forge way until the user allows access, then works', async () => {
    await withHost({ consent: 'ask' }, async (host) => {
      // What the app sees: @forge/api's own NeedsAuthenticationError, from the proxy's answer.
      expect(await host.invoke('erin', 'caughtConsent')).toEqual({
        name: 'NEEDS_AUTHENTICATION_ERR',
        message: 'Authentication Required',
        status: 401,
      });
      // What the frame gets when the resolver lets it escape: a failed invoke the shell turns into the prompt.
      expect(await invoke(host, 'repoAsUser')).toEqual({
        status: 401,
        body: { error: { code: 'NEEDS_AUTHENTICATION_ERR', message: 'Authentication Required' } },
      });
      // App calls need no user consent.
      expect(await invoke(host, 'repoAsApp')).toEqual({ status: 200, body: { result: 200 } });

      expect((await bridge(host, 'consent', {})).status).toBe(200);
      expect(host.consent.has('erin')).toBe(true);
      expect(await invoke(host, 'repoAsUser')).toEqual({ status: 200, body: { result: { status: 200, slug: 'webapp' } } });
      // Consent is per user.
      expect(host.consent.has('frank')).toBe(false);
    });
  });

  it('remembers consent across restarts and starts over with ?consent=revoked on a page the user opens', async () => {
    const dbPath = path.join(tmp, 'consent.sqlite');
    await withHost({ consent: 'ask', dbPath }, async (host) => {
      await bridge(host, 'consent', {});
    });
    await withHost({ consent: 'ask', dbPath }, async (host) => {
      expect((await invoke(host, 'repoAsUser')).status).toBe(200);
      // From an <img> on another site: ignored.
      await new Promise<void>((resolve, reject) =>
        http
          .get(
            `${host.url}/account/teamcity?consent=revoked`,
            {
              headers: {
                cookie: 'forge_local_user=erin',
                'sec-fetch-site': 'cross-site',
                'sec-fetch-mode': 'no-cors',
                'sec-fetch-dest': 'image',
              },
            },
            (res) => res.resume().on('end', resolve),
          )
          .on('error', reject),
      );
      expect(host.consent.has('erin')).toBe(true);
      await fetch(`${host.url}/account/teamcity?consent=revoked`, { headers: { cookie: 'forge_local_user=erin' } });
      expect(host.consent.has('erin')).toBe(false);
      expect((await invoke(host, 'repoAsUser')).status).toBe(401);
    });
  });
});

describe('the invocation limit', () => {
  it('cuts off an invocation still running at the limit, and refuses the platform calls it makes afterwards', async () => {
    await withHost({ invocationLimitMs: 150 }, async (host) => {
      const cutOff = await invoke(host, 'slowWrite');
      expect(cutOff).toEqual({
        status: 504,
        body: {
          error: {
            code: 'FUNCTION_TIMEOUT',
            message: 'The function did not finish within the invocation time limit (0.15 s) and was stopped.',
          },
        },
      });
      release();
      // The stopped function runs on (Node cannot kill it), but its write must not land.
      expect(await afterLimit).toBe('InvocationStoppedError');
      expect(host.kvs.rawEntries().map((e) => e.key)).not.toContain('written-after-limit');
      expect(await invoke(host, 'quick')).toEqual({ status: 200, body: { result: 'done' } });
    });
  });

  it('defaults to Forge’s 25 seconds', async () => {
    const { INVOCATION_LIMIT_MS } = await import('./runtime/resolver-runner');
    expect(INVOCATION_LIMIT_MS).toBe(25_000);
  });
});

describe('Bitbucket scopes from the manifest', () => {
  it('answers an endpoint whose scope the manifest lacks with Bitbucket’s 403', async () => {
    const manifestPath = path.join(tmp, 'no-pullrequest-scope.yml');
    fs.writeFileSync(manifestPath, 'permissions:\n  scopes:\n    - storage:app\n    - read:repository:bitbucket\n');
    await withHost({ manifestPath }, async (host) => {
      expect(await host.invoke('erin', 'pullRequest')).toEqual({
        status: 403,
        body: {
          type: 'error',
          error: {
            message: 'Your credentials lack one or more required privilege scopes.',
            detail: { granted: ['read:repository:bitbucket'], required: ['read:pullrequest:bitbucket'] },
          },
        },
      });
      expect(await host.invoke('erin', 'repoAsUser')).toEqual({ status: 200, slug: 'webapp' });
    });
    await withHost({}, async (host) => {
      expect(await host.invoke('erin', 'pullRequest')).toMatchObject({ status: 200, body: { id: 1, type: 'pullrequest' } });
    });
  });
});
