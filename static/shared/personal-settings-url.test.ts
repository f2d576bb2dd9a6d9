import { personalSettingsPath } from './personal-settings-url';

const localId =
  'ari:cloud:ecosystem::extension/7d9f7c3e-3b8e-4d55-9a42-2f1f3c4b5a10/0b6e4f62-1c1e-4b8f-9a55-4a1d2c3b4e5f/static/teamcity-run-build-repo';

describe('personalSettingsPath', () => {
  it('builds Bitbucket’s URL of the personal settings page from the module context', () => {
    expect(personalSettingsPath('acme', { localId, environmentType: 'PRODUCTION' })).toBe(
      '/acme/workspace/personal-settings/forge/7d9f7c3e-3b8e-4d55-9a42-2f1f3c4b5a10/production/teamcity-personal-settings',
    );
  });

  it('escapes the workspace slug', () => {
    expect(personalSettingsPath('a b', { localId, environmentType: 'DEVELOPMENT' })).toMatch(/^\/a%20b\/workspace\//);
  });

  it('gives up when the context does not say which app this is', () => {
    expect(personalSettingsPath('acme', { localId: 'something-else', environmentType: 'PRODUCTION' })).toBeNull();
    expect(personalSettingsPath('acme', { localId })).toBeNull();
    expect(personalSettingsPath('', { localId, environmentType: 'PRODUCTION' })).toBeNull();
  });
});
