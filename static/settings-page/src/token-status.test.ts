import type { TokenView } from '../../../src/shared/schemas';
import { expiryText, isStale, shortVersion, tokenStatus } from './token-status';

const NOW = new Date('2025-03-12T12:00:00.000Z');
const token = (over: Partial<TokenView> = {}): TokenView => ({
  id: 'a'.repeat(32),
  serverUrl: 'https://tc.example.com',
  teamcityUsername: 'admin',
  teamcityUserDisplayName: 'Administrator',
  serverVersion: '2025.11 (build 197398)',
  createdAt: '2025-03-01T00:00:00.000Z',
  lastAuthenticatedAt: null,
  health: { status: null, checkedAt: null },
  expiresAt: null,
  ...over,
});
const open = { allowedServers: [] };
const checked = (status: TokenView['health']['status'], message?: string) => ({
  status,
  checkedAt: '2025-03-12T11:30:00.000Z',
  ...(message && { message }),
});

describe('tokenStatus', () => {
  it.each([
    [token(), 'Not checked yet', 'default'],
    [token({ health: checked('connected') }), 'Connected', 'success'],
    [token({ health: checked('unauthorized') }), 'Expired or revoked', 'removed'],
    [token({ health: checked('unauthorized'), expiresAt: '2025-03-12T10:00:00.000Z' }), 'Expired', 'removed'],
    [token({ health: checked('forbidden', 'Access denied.') }), 'No access', 'removed'],
    [token({ health: checked('unreachable') }), 'Unreachable', 'moved'],
  ] as const)('%#: %s', (t, label, appearance) => {
    expect(tokenStatus(t, open, false, NOW)).toMatchObject({ label, appearance });
  });

  it('says "Checking…" while a check runs and "Not allowed" above everything when the policy excludes the server', () => {
    expect(tokenStatus(token({ health: checked('connected') }), open, true, NOW).label).toBe('Checking…');
    expect(tokenStatus(token(), { allowedServers: ['https://other.example.com'] }, true, NOW).label).toBe('Not allowed');
    expect(tokenStatus(token(), { allowedServers: ['https://tc.example.com'] }, false, NOW).label).toBe('Not checked yet');
  });

  it('puts what TeamCity said into the description', () => {
    expect(tokenStatus(token({ health: checked('forbidden', 'Access denied.') }), open, false, NOW).description).toContain(
      'Access denied.',
    );
  });
});

describe('expiryText', () => {
  const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();
  it('counts whole days and warns from seven days before', () => {
    expect(expiryText(inDays(30), NOW)).toEqual({ text: 'Expires in 30 days', warning: false });
    expect(expiryText(inDays(7.5), NOW)).toEqual({ text: 'Expires in 7 days', warning: false });
    expect(expiryText(inDays(6.9), NOW)).toEqual({ text: 'Expires in 6 days', warning: true });
    expect(expiryText(inDays(1.2), NOW)).toEqual({ text: 'Expires tomorrow', warning: true });
    expect(expiryText(inDays(0.2), NOW)).toEqual({ text: 'Expires today', warning: true });
  });
  it('says nothing without an expiry or after it', () => {
    expect(expiryText(null, NOW)).toBeNull();
    expect(expiryText(inDays(-1), NOW)).toBeNull();
  });
});

it('treats unchecked tokens and tokens checked over an hour ago as stale', () => {
  expect(isStale(token(), NOW)).toBe(true);
  expect(isStale(token({ health: checked('connected') }), NOW)).toBe(false);
  expect(isStale(token({ health: { status: 'connected', checkedAt: '2025-03-12T10:59:00.000Z' } }), NOW)).toBe(true);
});

it('shortens the server version', () => {
  expect(shortVersion('2025.11 (build 197398)')).toBe('2025.11');
  expect(shortVersion('2019.1')).toBe('2019.1');
});
