/**
 * Storage failing at each single step of adding, replacing and deleting a token (the steps are recorded from
 * a clean run, then each is failed in turn with kvs.failNext). Whatever the outcome, no half-saved token is
 * listed or used, and a delete afterwards always leaves nothing of the user behind.
 */
import type { Result } from '../../src/shared/result';
import { addToken, call, entriesOf, listTokens, startTestHost, type TestHost, type Simulator } from '../security/support/host-calls';
import { describeOperation, onOperation, type Operation } from '../security/support/operation-hook';
import { isBroken, tokenStorageViolations } from '../security/support/storage-invariants';

type Flow = 'add' | 'replace' | 'delete';

let host: TestHost;
let sim: Simulator;
const owners = new Map<string, string>();
let userCount = 0;

beforeAll(async () => {
  host = await startTestHost();
  sim = host.simulator;
});
afterAll(() => host.close());

const tokenOf = (teamcityUser: string) => {
  const value = sim.createToken(teamcityUser, `storage-${owners.size}`);
  owners.set(value, teamcityUser);
  return value;
};

/** Runs one flow for a fresh user; with `failAt`, the storage call at that index (of this flow) fails. */
async function runFlow(flow: Flow, failAt?: number): Promise<{ user: string; result: Result<unknown>; ops: Operation[]; tokenId: string }> {
  const user = `store-${flow}-${userCount++}`;
  let tokenId = '';
  if (flow !== 'add') {
    const first = await addToken(host, user, sim.url, tokenOf('admin'));
    if (!first.ok) throw new Error('setup add failed');
    tokenId = first.data.token.id;
  }
  const ops: Operation[] = [];
  const stop = onOperation(host, (op) => {
    if (failAt !== undefined && ops.length === failAt) host.kvs.failNext(op.path);
    ops.push(op);
  });
  try {
    const result =
      flow === 'delete'
        ? await call(host, user, 'deleteToken', { id: tokenId })
        : await addToken(host, user, sim.url, tokenOf(flow === 'replace' ? 'developer' : 'admin'));
    if (result.ok && flow !== 'delete') tokenId = (result.data as { token: { id: string } }).token.id;
    if (flow === 'add' && !tokenId) tokenId = (await listTokens(host, user))[0]?.id ?? '';
    return { user, result, ops, tokenId };
  } finally {
    stop();
  }
}

/**
 * Listed tokens must be whole and usable: TeamCity accepts the stored secret as the listed TeamCity user.
 * Leftovers after a failure (a secret nothing points at) are allowed here; the next delete must remove them.
 */
async function checkListedTokensWork(user: string): Promise<{ problems: string[]; leftovers: string[] }> {
  const violations = tokenStorageViolations(entriesOf(host, user), (secret) => owners.get(secret));
  const problems = violations.filter(isBroken);
  for (const t of await listTokens(host, user)) {
    const used = await call<{ items: unknown[] }>(host, user, 'findBuildConfigurations', { tokenId: t.id, scope: 'all' });
    if (!used.ok) problems.push(`listed token ${t.id.slice(0, 8)} cannot be used: ${used.error.code}`);
  }
  return { problems, leftovers: violations.filter((v) => !isBroken(v)) };
}

describe('storage failures at every step', () => {
  it.each(['add', 'replace', 'delete'] as const)(
    '%s: each failing step leaves a consistent state that a delete cleans up',
    async (flow) => {
      const clean = await runFlow(flow);
      expect(clean.result.ok).toBe(true);
      const steps = clean.ops.filter((op) => op.path !== '/api/v1/query');
      const lines: string[] = [];
      const problems: string[] = [];
      for (let step = 0; step < clean.ops.length; step++) {
        if (clean.ops[step]!.path === '/api/v1/query') continue;
        const { user, result, ops, tokenId } = await runFlow(flow, step);
        const failed = ops[step] ? describeOperation(ops[step]!) : '(not reached)';
        const outcome = result.ok ? 'ok' : result.error.code;
        const { problems: found, leftovers } = await checkListedTokensWork(user);
        if (!result.ok && result.error.code !== 'storage_error') found.push(`unexpected error ${result.error.code}`);
        if (flow === 'delete' && result.ok && (await listTokens(host, user)).length > 0)
          found.push('delete reported ok but the token is still listed');

        // The next delete finishes whatever is left.
        const again = await call(host, user, 'deleteToken', { id: tokenId || clean.tokenId });
        if (!again.ok && again.error.code !== 'token_not_found') found.push(`the next delete failed: ${again.error.code}`);
        const left = entriesOf(host, user).map((e) => e.key.split(':').slice(2).join(':').slice(0, 12));
        if (left.length > 0) found.push(`left behind after the next delete: ${left.join(', ')}`);
        lines.push(
          `  ${flow} step ${step} fails (${failed}): ${outcome}${leftovers.length ? ` (until the next delete, ${leftovers.join('; ')})` : ''}${found.length ? ` PROBLEM ${found.join('; ')}` : ''}`,
        );
        problems.push(...found.map((f) => `${flow} step ${step} (${failed}): ${f}`));
      }
      console.log(
        `storage faults (${flow}): failed each of ${steps.length} storage steps in turn; ${steps.length - new Set(problems.map((p) => p.split(':')[0])).size} consistent\n${lines.join('\n')}`,
      );
      expect(problems).toEqual([]);
    },
  );

  it('a delete that fails repeatedly is finished by the next delete, and the token is never usable meanwhile', async () => {
    const user = 'store-delete-repeated';
    const first = await addToken(host, user, sim.url, tokenOf('admin'));
    if (!first.ok) throw new Error('setup add failed');
    const id = first.data.token.id;
    host.kvs.failNext('/api/v1/delete', 1);
    host.kvs.failNext('/api/v1/secret/delete', 2);
    // The first call fails removing the metadata: the token is still whole and works.
    expect(await call(host, user, 'deleteToken', { id })).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect((await checkListedTokensWork(user)).problems).toEqual([]);
    expect((await listTokens(host, user)).map((t) => t.id)).toEqual([id]);
    // The second gets past the metadata and fails on both secret slots: gone from the list and unusable.
    expect(await call(host, user, 'deleteToken', { id })).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(await listTokens(host, user)).toEqual([]);
    expect(await call(host, user, 'getBuild', { tokenId: id, buildId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'token_not_found' },
    });
    expect(entriesOf(host, user).some((e) => e.secret)).toBe(true);
    // The third finishes the job.
    expect(await call(host, user, 'deleteToken', { id })).toMatchObject({ ok: false, error: { code: 'token_not_found' } });
    expect(entriesOf(host, user)).toEqual([]);
    console.log(
      'storage faults (repeated delete failures): 2 failed deletes (token whole, then gone and unusable), a third leaves nothing behind',
    );
  });
});
