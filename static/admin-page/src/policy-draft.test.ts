import type { WorkspacePolicyResponse } from '../../../src/shared/schemas';
import { addServer, defaultServerOf, draftOf, isDirty, removeServer } from './policy-draft';

const saved: WorkspacePolicyResponse = {
  allowedServers: ['https://tc.example.com'],
  defaultServerUrl: 'https://tc.example.com',
  usage: [],
  updatedAt: null,
};

describe('the admin page draft', () => {
  it('adds servers in their canonical form and refuses duplicates and bad addresses', () => {
    const draft = draftOf(saved);
    expect(addServer(draft, 'CI.example.org/tc/login.html')).toEqual({
      draft: { ...draft, allowedServers: ['https://tc.example.com', 'https://ci.example.org/tc'] },
    });
    expect(addServer(draft, 'https://TC.example.com:443/')).toEqual({ error: 'https://tc.example.com is already in the list.' });
    expect(addServer(draft, 'ftp://x.example.com')).toHaveProperty('error');
    expect(addServer(draft, '')).toEqual({ error: 'Enter the address of your TeamCity server.' });
  });

  it('clears the default when its server is removed, and knows when something changed', () => {
    const draft = draftOf(saved);
    expect(isDirty(draft, saved)).toBe(false);
    const removed = removeServer(draft, 'https://tc.example.com');
    expect(removed).toEqual({ allowedServers: [], defaultServerUrl: '' });
    expect(isDirty(removed, saved)).toBe(true);
  });

  it('compares a typed default server with the list in normalized form', () => {
    const typed = { allowedServers: ['https://tc.example.com'], defaultServerUrl: 'TC.example.com/' };
    expect(defaultServerOf(typed)).toBe('https://tc.example.com');
    expect(removeServer(typed, 'https://tc.example.com')).toEqual({ allowedServers: [], defaultServerUrl: '' });
    expect(defaultServerOf({ ...typed, defaultServerUrl: 'ftp://x' })).toBe('ftp://x');
    expect(defaultServerOf({ ...typed, defaultServerUrl: '' })).toBe('');
  });
});
