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

  it("uses the backend's address rule: the same canonical forms and the same messages", () => {
    const draft = draftOf(saved);
    expect(addServer(draft, 'https:/ci.example.org.')).toEqual({
      draft: { ...draft, allowedServers: ['https://tc.example.com', 'https://ci.example.org'] },
    });
    expect(addServer(draft, 'https://[::127.0.0.1]')).toEqual({
      error:
        '[::7f00:1] stands for 127.0.0.1, a private or local address. Bitbucket Cloud can only reach TeamCity servers that are reachable from the internet.',
    });
    expect(addServer(draft, 'teamcity:8111')).toEqual({
      error: `"teamcity" isn't a full host name. Enter the server's name as the internet knows it, like teamcity.example.com.`,
    });
    expect(addServer(draft, 'https://ci.example.org:0')).toEqual({ error: 'The port must be a number from 1 to 65535.' });
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
