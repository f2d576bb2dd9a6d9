/**
 * What the host takes from manifest.yml's permissions, through real HTTP on 127.0.0.1: the Custom UI CSP
 * (permissions.content / external), and — in the other describe blocks — egress and product scopes.
 */
// The host first: its egress wrapper must be in place before @forge/api captures the global fetch.
import { startLocalHost } from './start-local-host';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Resolver from '@forge/resolver';
import { fetch as forgeFetch } from '@forge/api';
import { customUiCsp } from './http/custom-ui-csp';
import { readAppManifest } from './runtime/app-manifest';
import { egressRefusal } from './runtime/egress';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-manifest-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeManifest(name: string, permissions: string): string {
  const file = path.join(tmp, `${name}.yml`);
  fs.writeFileSync(file, `modules: {}\npermissions:\n${permissions}\n`);
  return file;
}

const directiveOf = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('Custom UI CSP from permissions.content and permissions.external', () => {
  it('follows the repository manifest: inline styles for Atlaskit, no inline script, no eval', () => {
    const csp = customUiCsp(readAppManifest());
    expect(directiveOf(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directiveOf(csp, 'script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('serves resources with the policy of the manifest it was given, and the shell with its own', async () => {
    const staticDir = path.join(tmp, 'static');
    fs.mkdirSync(path.join(staticDir, 'settings-page', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'settings-page', 'dist', 'index.html'), '<!doctype html><title>x</title>');
    const manifestPath = writeManifest(
      'content',
      [
        '  scopes: [storage:app]',
        '  content:',
        '    scripts: [unsafe-inline, sha256-abc=]',
        '  external:',
        '    images: [https://images.example.com]',
        '    fetch:',
        '      client: [{ address: https://api.example.com }]',
      ].join('\n'),
    );
    const host = await startLocalHost({ teamcity: false, staticDir, manifestPath, handler: new Resolver().getDefinitions() as never });
    try {
      const resource = await fetch(`${host.url}/__forge/resources/settings-page/?module=teamcity-personal-settings`);
      const csp = resource.headers.get('content-security-policy')!;
      expect(directiveOf(csp, 'script-src')).toBe("script-src 'self' 'unsafe-inline' 'sha256-abc='");
      // No content.styles in this manifest: Forge would block inline styles, so the host does too.
      expect(directiveOf(csp, 'style-src')).toBe("style-src 'self'");
      expect(directiveOf(csp, 'img-src')).toBe("img-src 'self' data: blob: https://images.example.com");
      expect(directiveOf(csp, 'connect-src')).toBe("connect-src 'self' https://api.example.com");

      const shell = (await fetch(`${host.url}/account/teamcity`)).headers.get('content-security-policy')!;
      expect(directiveOf(shell, 'script-src')).toBe("script-src 'self'");
    } finally {
      await host.close();
    }
  });
});

describe('egress from permissions.external.fetch.backend', () => {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.headers.host}${req.url}`);
    res.end('hello from loopback');
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const resolver = new Resolver().define('get', async ({ payload }) => {
    const response = await forgeFetch((payload as { url: string }).url);
    return { status: response.status, proxyError: response.headers.get('forge-proxy-error'), body: await response.text() };
  });

  it('lets a resolver reach only listed hosts, HTTPS or loopback HTTP, and answers everything else with a 403', async () => {
    const manifestPath = writeManifest(
      'egress',
      '  external:\n    fetch:\n      backend:\n        - address: 127.0.0.1\n        - address: "*.example.com"',
    );
    const host = await startLocalHost({ teamcity: false, manifestPath, handler: resolver.getDefinitions() as never });
    try {
      const get = (url: string) => host.invoke('erin', 'get', { url });
      expect(await get(`http://127.0.0.1:${port}/ok`)).toEqual({ status: 200, proxyError: null, body: 'hello from loopback' });

      for (const url of [`http://localhost:${port}/not-listed`, 'https://example.com/parent-of-wildcard', 'https://evil.test/']) {
        expect([url, await get(url)]).toEqual([
          url,
          {
            status: 403,
            proxyError: 'REQUEST_EGRESS_ALLOWLIST_ERR',
            body: expect.stringMatching(
              /^URL not included in the external fetch backend permissions: .+\. Visit go\.atlassian\.com\/forge-egress for more information\.$/,
            ),
          },
        ]);
      }
      // Plain HTTP beyond loopback is refused even for a listed host.
      expect(await get('http://ci.example.com/')).toMatchObject({ status: 403, body: expect.stringContaining('Forge only allows HTTPS.') });
      expect(requests).toEqual([`127.0.0.1:${port}/ok`]);
    } finally {
      await host.close();
    }
    // Outside an invocation the global fetch is untouched.
    expect((await fetch(`http://localhost:${port}/after`)).status).toBe(200);
  });

  it('matches on scheme and host name only, as Forge does', () => {
    const policy = { backend: ['https://api.example.org/only/this/path', '*.example.com', 'example.net'] };
    expect(egressRefusal(policy, 'https://api.example.org/any/other/path')).toBeUndefined();
    expect(egressRefusal(policy, 'https://ci.example.com/app/rest/server')).toBeUndefined();
    expect(egressRefusal(policy, 'https://a.b.example.com/')).toBeUndefined();
    expect(egressRefusal(policy, 'https://example.net:8443/')).toBeUndefined();
    expect(egressRefusal(policy, 'https://example.com/')).toMatch(/^URL not included/);
    expect(egressRefusal(policy, 'https://notexample.com/')).toMatch(/^URL not included/);
    expect(egressRefusal(policy, 'https://api.example.org.evil.test/')).toMatch(/^URL not included/);
    expect(egressRefusal({ backend: ['*'] }, 'https://anything.test/')).toBeUndefined();
    expect(egressRefusal({ backend: ['*'] }, 'http://anything.test/')).toMatch(/Forge only allows HTTPS\.$/);
    expect(egressRefusal({ backend: ['*'] }, 'http://127.0.0.1:8111/')).toBeUndefined();
    expect(egressRefusal({ backend: [] }, 'https://anything.test/')).toMatch(/^URL not included/);
  });
});
