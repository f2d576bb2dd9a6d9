/**
 * Runs the validator `forge lint` uses (from @forge/manifest, offline) on manifest.yml, and checks what the
 * validator cannot know: that the declared permissions are exactly what the code needs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';

const root = path.resolve(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

type Manifest = {
  modules: Record<
    string,
    Array<{ key: string; resource?: string; resolver?: { function: string }; handler?: string; function?: string; triggers?: string[] }>
  >;
  resources: Array<{ key: string; path: string }>;
  permissions: { scopes: string[]; external: { fetch: { backend: Array<{ address: string }> } } };
  app: { runtime: { name: string } };
};

describe('manifest.yml', () => {
  let manifest: Manifest;
  let errors: Array<{ message: string; level: string; reference: string }>;

  beforeAll(async () => {
    const result = await validate(false, manifestPath);
    errors = (result.errors ?? []) as typeof errors;
    manifest = result.manifestObject?.typedContent as unknown as Manifest;
  });

  it('passes the Forge validator with no errors', () => {
    expect(errors.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('has no warning other than the deliberate any-host egress rule', () => {
    const warnings = errors.filter((e) => e.level !== 'error');
    expect(warnings.map((w) => w.reference)).toEqual(warnings.length ? ['valid-permissions-required'] : []);
  });

  it('declares only the scopes the code uses and runs on nodejs22.x', () => {
    const code = ['src'].map((dir) => readAll(path.join(root, dir))).join('\n');
    const expected = ['storage:app'];
    if (/requestBitbucket/.test(code)) expected.push('read:repository:bitbucket');
    if (/\/pullrequests\//.test(code)) expected.push('read:pullrequest:bitbucket');
    if (/\/user\/workspaces\//.test(code)) expected.push('read:workspace:bitbucket');
    expect([...manifest.permissions.scopes].sort()).toEqual(expected.sort());
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('points every UI module at a built Custom UI resource and the resolver function', () => {
    const functions = new Set(manifest.modules.function?.map((f) => f.key));
    const resources = new Map(manifest.resources.map((r) => [r.key, r.path]));
    const uiModules = Object.entries(manifest.modules).filter(([type]) => type.startsWith('bitbucket:') && type !== 'bitbucket:mergeCheck');
    expect(uiModules.map(([type]) => type).sort()).toEqual([
      'bitbucket:repoCodeOverviewAction',
      'bitbucket:repoCodeOverviewCard',
      'bitbucket:repoPullRequestAction',
      'bitbucket:repoPullRequestCard',
      'bitbucket:repoPullRequestOverviewPanel',
      'bitbucket:repoSettingsMenuPage',
      'bitbucket:workspacePersonalSettingsPage',
      'bitbucket:workspaceSettingsMenuPage',
    ]);
    for (const [, modules] of uiModules) {
      for (const m of modules) {
        expect(functions.has(m.resolver!.function)).toBe(true);
        expect(existsSync(path.join(root, resources.get(m.resource!)!, 'index.html'))).toBe(true);
      }
    }
  });

  it('names handlers that src/index.ts exports', async () => {
    for (const fn of manifest.modules.function!) {
      const [file, exported] = fn.handler!.split('.');
      const mod = (await import(path.join(root, 'src', file!))) as Record<string, unknown>;
      expect(typeof mod[exported!]).toBe('function');
    }
  });

  it('declares the merge check on every trigger Bitbucket offers, backed by a function', () => {
    const functions = new Set(manifest.modules.function?.map((f) => f.key));
    const [check] = manifest.modules['bitbucket:mergeCheck']!;
    expect(check).toMatchObject({ key: 'teamcity-builds-passed', name: 'TeamCity builds passed' });
    expect([...check!.triggers!].sort()).toEqual(['on-code-pushed', 'on-merge', 'on-reviewer-status-changed']);
    expect(functions.has(check!.function!)).toBe(true);
  });
});

function readAll(dir: string): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((p) => (statSync(p).isDirectory() ? readAll(p) : /\.tsx?$/.test(p) && !p.endsWith('.test.ts') ? readFileSync(p, 'utf8') : ''))
    .join('\n');
}
