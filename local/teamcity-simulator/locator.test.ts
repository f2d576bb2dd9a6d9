import { branchMatches } from './branch-spec';
import { ApiError } from './errors';
import { parseLocator, withDims } from './locator';

describe('parseLocator', () => {
  it('splits dimensions, keeps nested locators and repeats', () => {
    const loc = parseLocator('item:(vcsRoot:(property:(name:url,value:a))),item:(id:B),count:5');
    expect(loc.dims.get('item')).toEqual(['vcsRoot:(property:(name:url,value:a))', 'id:B']);
    expect(loc.dims.get('count')).toEqual(['5']);
  });

  it('treats a plain value as $singleValue and decodes $base64:', () => {
    expect(parseLocator('Acme_Build').dims.get('$singleValue')).toEqual(['Acme_Build']);
    const encoded = Buffer.from('git@bitbucket.org:acme/api.git').toString('base64url');
    expect(parseLocator(`value:$base64:${encoded},name:url`).dims.get('value')).toEqual(['git@bitbucket.org:acme/api.git']);
  });

  it('keeps URLs with colons inside parentheses intact', () => {
    expect(parseLocator('value:(https://bitbucket.org/a/b.git)').dims.get('value')).toEqual(['https://bitbucket.org/a/b.git']);
  });

  it('rejects unbalanced parentheses as a LocatorProcessException', () => {
    expect(() => parseLocator('vcsRoot:(id:x')).toThrow(ApiError);
    try {
      parseLocator('id:(x');
    } catch (e) {
      expect((e as ApiError).exception).toBe('jetbrains.buildServer.server.rest.errors.LocatorProcessException');
      expect((e as ApiError).status).toBe(400);
    }
  });

  it('rebuilds locators for nextHref with sorted dimensions', () => {
    expect(withDims(parseLocator('status:SUCCESS,count:2'), { count: '2', start: '2' })).toBe('count:2,start:2,status:SUCCESS');
  });
});

describe('branchMatches', () => {
  const spec = '+:refs/heads/*\n+:refs/pull/(*)/head\n-:refs/heads/secret';
  it.each([
    ['main', true],
    ['feature/x', true],
    ['refs/heads/feature/x', true],
    ['42', true],
    ['refs/pull/42/head', true],
    ['refs/heads/secret', false],
  ])('%s -> %s', (branch, expected) => {
    expect(branchMatches(spec, 'refs/heads/main', branch)).toBe(expected);
  });

  it('applies exclusions to the ref a logical name stands for', () => {
    expect(branchMatches('+:refs/heads/*\n-:refs/heads/secret', 'refs/heads/main', 'secret')).toBe(false);
    expect(branchMatches('+:refs/heads/*\n-:refs/heads/secret', 'refs/heads/main', 'public')).toBe(true);
  });

  it('uses the parenthesised part as the logical name', () => {
    expect(branchMatches('+:refs/heads/(release/*)', 'refs/heads/main', 'release/1.0')).toBe(true);
    expect(branchMatches('+:refs/heads/(release/*)', 'refs/heads/main', 'feature/x')).toBe(false);
    expect(branchMatches('+:refs/heads/(release/*)', 'refs/heads/main', 'main')).toBe(true);
  });
});
