import { isValidBuildId, isValidBuildTypeId, locatorText, repositoryBuildTypes, vcsUrlCondition } from './teamcity-locator';

test('build configuration ids follow TeamCity rules', () => {
  for (const ok of ['A', 'MattermostTeamcityPlugin_TestBuild', 'bt135', `A${'b'.repeat(224)}`]) expect(isValidBuildTypeId(ok)).toBe(true);
  for (const bad of ['', '1abc', '_Root', 'a-b', 'a b', 'a,b', 'a:b', 'a(b)', `A${'b'.repeat(225)}`, 'Ä', 42, null]) {
    expect(isValidBuildTypeId(bad)).toBe(false);
  }
});

test('build ids are positive safe integers', () => {
  expect([1, 2153237].every(isValidBuildId)).toBe(true);
  expect([0, -1, 1.5, Number.NaN, 2 ** 60, '1'].some(isValidBuildId)).toBe(false);
});

test('free text becomes base64url inside parentheses and decodes back exactly', () => {
  const text = 'release/1.0),id:(x),name:ünï=/+';
  const encoded = locatorText(text);
  expect(encoded).toMatch(/^\(\$base64:[A-Za-z0-9_-]+\)$/);
  expect(Buffer.from(encoded.slice('($base64:'.length, -1), 'base64url').toString('utf8')).toBe(text);
});

test('one URL is a single property condition, several are a union of items', () => {
  const one = vcsUrlCondition(['https://bitbucket.org/a/b.git']);
  expect(one).toMatch(/^\(property:\(name:url,value:\(\$base64:[\w-]+\),matchType:equals,ignoreCase:true\)\)$/);
  const two = vcsUrlCondition(['https://bitbucket.org/a/b.git', 'git@bitbucket.org:a/b.git']);
  expect(two.match(/item:\(property:/g)).toHaveLength(2);
});

test("a repository's configurations: its URLs alone, or a union with the ones added by id", () => {
  const byUrl = `vcsRootInstance:${vcsUrlCondition(['https://bitbucket.org/acme/webapp.git'])}`;
  expect(repositoryBuildTypes(['https://bitbucket.org/acme/webapp.git'])).toBe(byUrl);
  expect(repositoryBuildTypes(['https://bitbucket.org/acme/webapp.git'], ['Tools_Lint', 'B'])).toBe(
    `item:(${byUrl}),item:(id:Tools_Lint),item:(id:B)`,
  );
  expect(repositoryBuildTypes([], ['Tools_Lint'])).toBe('item:(id:Tools_Lint)');
});
