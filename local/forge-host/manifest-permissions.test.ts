/**
 * What the host takes from manifest.yml's permissions, through real HTTP on 127.0.0.1: the Custom UI CSP
 * (permissions.content / external), and — in the other describe blocks — egress and product scopes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Resolver from '@forge/resolver';
import { startLocalHost } from './start-local-host';
import { customUiCsp } from './http/custom-ui-csp';
import { readAppManifest } from './runtime/app-manifest';

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
