/** The local host over real HTTP on 127.0.0.1 with a real @forge/resolver handler and @forge/api. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Resolver from '@forge/resolver';
import api, { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { startLocalHost, type LocalHost } from './start-local-host';

type Ctx = { accountId: string; installContext: string; extension: { type: string; pullRequest?: { id: number } } };

const resolver = new Resolver()
  .define('whoami', ({ context }) => {
    const c = context as unknown as Ctx;
    return {
      accountId: c.accountId,
      installContext: c.installContext,
      extensionType: c.extension.type,
      pr: c.extension.pullRequest?.id ?? null,
    };
  })
  .define('remember', async ({ payload, context }) => {
    await kvs.set(`note:${(context as unknown as Ctx).accountId.replace(/[^a-zA-Z0-9:]/g, '')}`, (payload as { note: string }).note);
    return { saved: true };
  })
  .define('fail', () => {
    throw new Error('boom from resolver');
  })
  .define('repo', async () => {
    const response = await api.asApp().requestBitbucket(route`/2.0/repositories/${'acme'}/${'webapp'}`);
    return response.json();
  })
  .define('myPermission', async () => {
    const response = await api.asUser().requestBitbucket(route`/2.0/user/permissions/workspaces?q=workspace.slug="acme"`);
    return ((await response.json()) as { values: Array<{ permission: string }> }).values.map((v) => v.permission);
  });

describe('local Forge host over HTTP', () => {
  let host: LocalHost;
  let staticDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-static-'));
    fs.mkdirSync(path.join(staticDir, 'settings-page', 'dist', 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(staticDir, 'settings-page', 'dist', 'index.html'),
      '<!doctype html><html><head><title>x</title><script type="module" src="./assets/app.js"></script></head><body></body></html>',
    );
    fs.writeFileSync(path.join(staticDir, 'settings-page', 'dist', 'assets', 'app.js'), 'console.log(1);');
    fs.writeFileSync(path.join(staticDir, 'outside.txt'), 'outside');
    host = await startLocalHost({
      teamcity: false,
      handler: resolver.getDefinitions() as never,
      staticDir,
      log: (line) => logLines.push(line),
    });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  const bridge = (call: 'invoke' | 'context', body: unknown, cookie?: string, extraHeaders: Record<string, string> = {}) =>
    fetch(`${host.url}/__forge/bridge/${call}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forge-bridge': '1', ...(cookie ? { cookie } : {}), ...extraHeaders },
      body: JSON.stringify(body),
    });
  const settingsFrame = { module: 'teamcity-personal-settings', workspace: 'acme' };

  it('runs the resolver for the session user, ignoring any accountId the browser sends', async () => {
    const response = await bridge('invoke', {
      frame: settingsFrame,
      functionKey: 'whoami',
      payload: { accountId: 'forged' },
      accountId: 'forged',
      context: { accountId: 'forged', extension: { type: 'forged' } },
    });
    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: Record<string, unknown> };
    expect(result).toEqual({
      accountId: host.accountIdFor('demo'),
      installContext: expect.stringMatching(/^ari:cloud:bitbucket::workspace\/[0-9a-f-]{36}$/),
      extensionType: 'bitbucket:workspacePersonalSettingsPage',
      pr: null,
    });
    expect(host.accountIdFor('demo')).toMatch(/^712020:[0-9a-f-]{36}$/);
  });

  it('switches the user with ?as= and remembers it in a cookie', async () => {
    const page = await fetch(`${host.url}/account/teamcity?as=alice`);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toBe('forge_local_user=alice');
    expect(await page.text()).toContain('Alice (member)');

    const response = await bridge('invoke', { frame: settingsFrame, functionKey: 'whoami' }, cookie);
    const { result } = (await response.json()) as { result: { accountId: string } };
    expect(result.accountId).toBe(host.accountIdFor('alice'));
    expect(result.accountId).not.toBe(host.accountIdFor('demo'));

    await bridge('invoke', { frame: settingsFrame, functionKey: 'remember', payload: { note: 'hi' } }, cookie);
    expect(host.kvs.rawEntries()).toContainEqual({
      key: `note:${host.accountIdFor('alice').replace(/-/g, '')}`,
      value: 'hi',
      secret: false,
    });
  });

  it('gives frames the Bitbucket context of the page they are on', async () => {
    const response = await bridge('context', { frame: { module: 'teamcity-run-build-pr', workspace: 'acme', repo: 'webapp', pr: '1' } });
    const { context } = (await response.json()) as { context: Record<string, any> };
    expect(context.accountId).toBe(host.accountIdFor('demo'));
    expect(context.moduleKey).toBe('teamcity-run-build-pull-request');
    expect(context.extension.type).toBe('bitbucket:repoPullRequestAction');
    // Exactly what Bitbucket documents, so the app must read everything else from the Bitbucket API.
    expect(context.workspaceId).toMatch(/^\{[0-9a-f-]{36}\}$/);
    expect(context.extension).toEqual({
      type: 'bitbucket:repoPullRequestAction',
      location: 'https://bitbucket.org/acme/webapp/pull-requests/1',
      repository: { uuid: expect.stringMatching(/^\{[0-9a-f-]{36}\}$/) },
      pullRequest: { id: 1 },
    });

    const repoPage = await bridge('context', { frame: { module: 'teamcity-run-build-repository', workspace: 'acme', repo: 'webapp' } });
    expect(((await repoPage.json()) as { context: Record<string, unknown> }).context.extension).toEqual({
      type: 'bitbucket:repoCodeOverviewAction',
      location: 'https://bitbucket.org/acme/webapp',
      repository: { uuid: context.extension.repository.uuid },
    });
    const settings = await bridge('context', { frame: settingsFrame });
    expect(((await settings.json()) as { context: Record<string, unknown> }).context.extension).toEqual({
      type: 'bitbucket:workspacePersonalSettingsPage',
      location: expect.stringMatching(/^https:\/\/bitbucket\.org\/acme\/workspace\/personal-settings\/forge\//),
    });

    const unknown = await bridge('context', { frame: { module: 'teamcity-run-build-pr', workspace: 'acme', repo: 'nope', pr: '1' } });
    expect(unknown.status).toBe(400);
  });

  it('turns a resolver error into a failed bridge call and refuses calls from elsewhere', async () => {
    const failed = await bridge('invoke', { frame: settingsFrame, functionKey: 'fail' });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { message: 'boom from resolver' } });

    const noHeader = await fetch(`${host.url}/__forge/bridge/invoke`, {
      method: 'POST',
      body: JSON.stringify({ frame: settingsFrame, functionKey: 'whoami' }),
    });
    expect(noHeader.status).toBe(403);
    const crossOrigin = await bridge('invoke', { frame: settingsFrame, functionKey: 'whoami' }, undefined, {
      origin: 'http://evil.example',
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('answers requestBitbucket from the resolver with the emulated workspace', async () => {
    const repo = (await host.invoke('demo', 'repo')) as {
      mainbranch: { name: string };
      links: { clone: Array<{ name: string; href: string }> };
    };
    expect(repo.mainbranch.name).toBe('main');
    expect(repo.links.clone).toEqual([
      { name: 'https', href: 'https://bitbucket.org/acme/webapp.git' },
      { name: 'ssh', href: 'git@bitbucket.org:acme/webapp.git' },
    ]);
    expect(await host.invoke('demo', 'myPermission')).toEqual(['owner']);
    expect(await host.invoke('bob', 'myPermission')).toEqual(['member']);
  });

  /** node:http, because fetch will not send a `Host` of our choosing. */
  const rawGet = (pagePath: string, headers: Record<string, string>) =>
    new Promise<{ status: number; cookie: string | undefined; body: string }>((resolve, reject) => {
      const req = http.get(`${host.url}${pagePath}`, { headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0], body }));
      });
      req.on('error', reject);
    });

  it('refuses requests for any host name but its own (DNS rebinding)', async () => {
    const port = new URL(host.url).port;
    for (const name of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
      const page = await rawGet('/account/teamcity', { host: name });
      expect([name, page.status]).toEqual([name, 421]);
      expect(page.body).not.toContain('TeamCity');
    }
    expect((await rawGet('/account/teamcity', { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await rawGet('/account/teamcity', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('takes bridge calls only from its exact origin, scheme included', async () => {
    const own = new URL(host.url);
    for (const origin of [`https://${own.host}`, `http://localhost.evil:${own.port}`, 'null']) {
      const response = await bridge('invoke', { frame: settingsFrame, functionKey: 'whoami' }, undefined, { origin });
      expect([origin, response.status]).toEqual([origin, 403]);
    }
    expect((await bridge('invoke', { frame: settingsFrame, functionKey: 'whoami' }, undefined, { origin: host.url })).status).toBe(200);
  });

  it('switches the user with ?as= only on a navigation the user made, not from another site', async () => {
    const navigation = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    const fromImage = await rawGet('/account/teamcity?as=carol', {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'no-cors',
      'sec-fetch-dest': 'image',
    });
    expect(fromImage.cookie).toBeUndefined();
    expect(fromImage.body).not.toContain('Carol');
    const fromLink = await rawGet('/account/teamcity?as=carol', { 'sec-fetch-site': 'cross-site', ...navigation });
    expect(fromLink.cookie).toBeUndefined();
    const framed = await rawGet('/account/teamcity?as=carol', {
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'iframe',
    });
    expect(framed.cookie).toBeUndefined();

    for (const site of ['none', 'same-origin']) {
      const typed = await rawGet('/account/teamcity?as=carol', { 'sec-fetch-site': site, ...navigation });
      expect(typed.cookie?.split(';')[0]).toBe('forge_local_user=carol');
      expect(typed.body).toContain('Carol');
    }
  });

  it('sends a CSP without inline scripts or eval on every response', async () => {
    for (const pagePath of [
      '/',
      '/account/teamcity',
      '/acme/webapp',
      '/__forge/resources/settings-page/',
      '/__forge/bridge.js',
      '/nowhere',
    ]) {
      const csp = (await fetch(host.url + pagePath)).headers.get('content-security-policy')!;
      const scriptSrc = csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('renders the pages with no inline script', async () => {
    const pages = {
      '/': ['acme/webapp', '/account/teamcity'],
      '/account/teamcity': [
        'Personal settings',
        'aria-current="page" href="/account/teamcity">TeamCity<',
        '/__forge/resources/settings-page/?module=teamcity-personal-settings&amp;workspace=acme',
      ],
      '/acme/webapp': [
        '<option value="main" selected>',
        'data-open-modal="/__forge/resources/build-modal/?module=teamcity-run-build-repository&amp;workspace=acme&amp;repo=webapp&amp;closable=1"',
        'Run TeamCity build',
      ],
      '/acme/mobile?at=develop': ['<option value="develop" selected>'],
      '/acme/webapp/pull-requests/1': [
        'Add login with SSO',
        '#1',
        'feature/login',
        'develop',
        'Alice',
        'module=teamcity-run-build-pull-request',
      ],
    };
    for (const [pagePath, needles] of Object.entries(pages)) {
      const response = await fetch(host.url + pagePath);
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const needle of needles) expect(text).toContain(needle);
      expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
    expect((await fetch(`${host.url}/acme/nope`)).status).toBe(404);
    expect((await fetch(`${host.url}/acme/webapp/pull-requests/999`)).status).toBe(404);
  });

  it('serves Custom UI resources with the bridge first, and a placeholder when not built', async () => {
    const index = await (await fetch(`${host.url}/__forge/resources/settings-page/?module=teamcity-personal-settings`)).text();
    expect(index).toContain('<script src="/__forge/bridge.js"></script><script type="module" src="./assets/app.js">');
    const asset = await fetch(`${host.url}/__forge/resources/settings-page/assets/app.js`);
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const missing = await fetch(`${host.url}/__forge/resources/build-modal/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('build-modal is not built yet');
    const redirect = await fetch(`${host.url}/__forge/resources/settings-page?module=x`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/__forge/resources/settings-page/?module=x');
    expect((await fetch(`${host.url}/__forge/resources/settings-page/..%2F..%2Foutside.txt`)).status).toBe(404);
    const bridgeJs = await fetch(`${host.url}/__forge/bridge.js`);
    expect(bridgeJs.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await bridgeJs.text()).toContain('window.__bridge');
  });

  it('logs method, path, status and time, never query strings or bodies', async () => {
    await bridge('invoke', { frame: settingsFrame, functionKey: 'remember', payload: { note: 'body-canary' } });
    await fetch(`${host.url}/acme/webapp?at=query-canary`);
    expect(host.httpLog).toContainEqual({ method: 'POST', path: '/__forge/bridge/invoke', status: 200 });
    expect(logLines).toContainEqual(expect.stringMatching(/^GET \/acme\/webapp 200 \d+ms$/));
    expect(logLines.join('\n')).not.toMatch(/canary/);
  });
});
