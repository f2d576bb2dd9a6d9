/** The unmodified @forge/kvs package, talking to the local host's KVS transport on real SQLite. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kvs, Filter, FilterConditions, ForgeKvsAPIError, WhereConditions } from '@forge/kvs';
import { startLocalHost, type LocalHost } from '../start-local-host';

const noHandler = async () => undefined;

async function rejection(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeKvsAPIError);
  return error as ForgeKvsAPIError;
}

describe('local KVS through @forge/kvs', () => {
  let host: LocalHost;
  beforeEach(async () => {
    host = await startLocalHost({ teamcity: false, handler: noHandler });
  });
  afterEach(async () => {
    await host.close();
  });

  it('sets, gets and deletes JSON values', async () => {
    await kvs.set('settings:a', { enabled: true, list: [1, 2] });
    expect(await kvs.get('settings:a')).toEqual({ enabled: true, list: [1, 2] });
    await kvs.set('settings:a', 'replaced');
    expect(await kvs.get('settings:a')).toBe('replaced');
    await kvs.delete('settings:a');
    expect(await kvs.get('settings:a')).toBeUndefined();
    await expect(kvs.delete('settings:a')).resolves.toBeUndefined();
  });

  it('answers a missing key with 404 KEY_NOT_FOUND on the wire', async () => {
    const forgeFetch = (globalThis as unknown as { __forge_fetch__: (t: object, p: string, i: RequestInit) => Promise<Response> })
      .__forge_fetch__;
    const response = await forgeFetch({ type: 'kvs', provider: 'app', remote: 'kvs' }, '/api/v1/get', {
      method: 'POST',
      body: JSON.stringify({ key: 'nope' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'KEY_NOT_FOUND', message: expect.any(String) });
  });

  it('keeps secrets apart: readable by key, never returned by query, never in the operation log', async () => {
    await kvs.setSecret('token:u1:1', { token: 'canary-secret-value' });
    await kvs.set('token:u1:1', { meta: true });
    expect(await kvs.getSecret('token:u1:1')).toEqual({ token: 'canary-secret-value' });
    const { results } = await kvs.query().where('key', WhereConditions.beginsWith('token:')).getMany();
    expect(results).toEqual([{ key: 'token:u1:1', value: { meta: true }, createdAt: expect.any(Number), updatedAt: expect.any(Number) }]);
    expect(JSON.stringify(host.kvs.operations)).not.toContain('canary-secret-value');
    expect(host.kvs.operations).toContainEqual({ path: '/api/v1/secret/set', key: 'token:u1:1' });
    expect(host.kvs.rawEntries()).toContainEqual({ key: 'token:u1:1', value: { token: 'canary-secret-value' }, secret: true });
    await kvs.deleteSecret('token:u1:1');
    expect(await kvs.getSecret('token:u1:1')).toBeUndefined();
  });

  it('queries by key prefix in key order, caps the page size and pages with a cursor', async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `user:a:${String(i).padStart(2, '0')}`);
    for (const key of keys) await kvs.set(key, key);
    await kvs.set('user:b:00', 'other user');

    const first = await kvs.query().where('key', WhereConditions.beginsWith('user:a:')).limit(100).getMany();
    expect(first.results.map((r) => r.key)).toEqual(keys.slice(0, 20));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await kvs.query().where('key', WhereConditions.beginsWith('user:a:')).limit(100).cursor(first.nextCursor!).getMany();
    expect(second.results.map((r) => r.key)).toEqual(keys.slice(20));
    expect(second.nextCursor).toBeUndefined();

    const byDefault = await kvs.query().where('key', WhereConditions.beginsWith('user:')).getMany();
    expect(byDefault.results).toHaveLength(10);
    expect((await rejection(kvs.query().cursor('not-a-cursor').getMany())).code).toBe('INVALID_CURSOR');
  });

  it('validates keys and values like the service', async () => {
    expect((await rejection(kvs.set('token:{uuid}', 1))).code).toBe('INVALID_KEY');
    expect((await rejection(kvs.set('   ', 1))).code).toBe('INVALID_KEY');
    expect((await rejection(kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    await kvs.set('k'.repeat(500), 1);
    await kvs.set('a-b_c.d:e#f g', 1);
    const tooBig = await rejection(kvs.set('big', 'x'.repeat(241 * 1024)));
    expect([tooBig.code, tooBig.responseDetails.status]).toEqual(['MAX_SIZE', 400]);
  });

  it('fails the next N calls to a path with a 500 and then recovers', async () => {
    host.kvs.failNext('/api/v1/secret/set', 2);
    for (let i = 0; i < 2; i++) {
      const error = await rejection(kvs.setSecret('s', 'v'));
      expect([error.code, error.responseDetails.status]).toEqual(['INTERNAL_SERVER_ERROR', 500]);
    }
    expect(await kvs.getSecret('s')).toBeUndefined();
    await kvs.setSecret('s', 'v');
    expect(await kvs.getSecret('s')).toBe('v');

    host.kvs.failNext('/api/v1/get', 5);
    host.kvs.clearFaults();
    await expect(kvs.get('s')).resolves.toBeUndefined();
  });

  it('runs batch operations item by item', async () => {
    const set = await kvs.batchSet([
      { key: 'b1', value: 1 },
      { key: 'bad{key}', value: 2 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b1' }]);
    expect(set.failedKeys).toEqual([{ key: 'bad{key}', error: { code: 'INVALID_KEY', message: expect.any(String) } }]);
    const got = await kvs.batchGet([{ key: 'b1' }, { key: 'b2' }]);
    expect(got.successfulKeys).toEqual([expect.objectContaining({ key: 'b1', value: 1 })]);
    expect(got.failedKeys).toEqual([{ key: 'b2', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
    await kvs.batchDelete([{ key: 'b1' }]);
    expect(await kvs.get('b1')).toBeUndefined();
    expect(
      (
        await rejection(
          kvs.batchSet([
            { key: 'd', value: 1 },
            { key: 'd', value: 2 },
          ]),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });

  it('commits a transaction as a whole or not at all', async () => {
    await kvs.set('t:old', 'old');
    await kvs.transact().set('t:new', { n: 1 }).delete('t:old').execute();
    expect(await kvs.get('t:new')).toEqual({ n: 1 });
    expect(await kvs.get('t:old')).toBeUndefined();

    await kvs.entity<{ version: number }>('tokens').set('t:guard', { version: 1 });
    const stale = new Filter<{ version: number }>().and('version', FilterConditions.equalTo(2));
    const error = await rejection(
      kvs.transact().set('t:new', { n: 2 }).set('t:other', 1).check('t:guard', { entityName: 'tokens', conditions: stale }).execute(),
    );
    expect([error.code, error.responseDetails.status]).toEqual(['CONDITION_CHECK_FAILED', 409]);
    expect(await kvs.get('t:new')).toEqual({ n: 1 });
    expect(await kvs.get('t:other')).toBeUndefined();

    const current = new Filter<{ version: number }>().and('version', FilterConditions.equalTo(1));
    await kvs.transact().set('t:new', { n: 3 }).check('t:guard', { entityName: 'tokens', conditions: current }).execute();
    expect(await kvs.get('t:new')).toEqual({ n: 3 });

    const tooMany = kvs.transact();
    for (let i = 0; i < 26; i++) tooMany.set(`t:${i}`, i);
    expect((await rejection(tooMany.execute())).code).toBe('BAD_REQUEST');
  });
});

describe('local KVS persistence', () => {
  it('keeps values and secrets in the SQLite file across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-kvs-'));
    const dbPath = path.join(dir, 'nested', 'kvs.sqlite');
    try {
      const first = await startLocalHost({ teamcity: false, handler: noHandler, dbPath });
      await kvs.set('persist:value', { a: 1 });
      await kvs.setSecret('persist:secret', 's3');
      await first.close();
      expect(fs.existsSync(dbPath)).toBe(true);

      const second = await startLocalHost({ teamcity: false, handler: noHandler, dbPath });
      try {
        expect(await kvs.get('persist:value')).toEqual({ a: 1 });
        expect(await kvs.getSecret('persist:secret')).toBe('s3');
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('allows one host per process and frees the global on close', async () => {
    const host = await startLocalHost({ teamcity: false, handler: noHandler });
    await expect(startLocalHost({ teamcity: false, handler: noHandler })).rejects.toThrow(/already running/);
    await host.close();
    expect((globalThis as { __forge_fetch__?: unknown }).__forge_fetch__).toBeUndefined();
  });
});

describe('KVS rate limits per installation', () => {
  let host: LocalHost;
  let clock = Date.UTC(2026, 0, 1, 12, 0, 0);
  beforeEach(async () => {
    host = await startLocalHost({ teamcity: false, handler: noHandler, now: () => clock });
  });
  afterEach(async () => {
    await host.close();
  });

  it('answers the 1001st request within one second with 429 RATE_LIMIT_EXCEEDED, and the next second again', async () => {
    for (let i = 0; i < 1000; i += 1) await kvs.get('rate:key');
    const limited = await rejection(kvs.get('rate:key'));
    expect([limited.responseDetails.status, limited.code, limited.message]).toEqual([429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded']);
    // Writes count against the same request rate.
    expect((await rejection(kvs.set('rate:key', 1))).code).toBe('RATE_LIMIT_EXCEEDED');
    clock += 1000;
    await expect(kvs.set('rate:key', 1)).resolves.toBeUndefined();
  });

  it('counts writes in 10 KB units against 4000 a minute', async () => {
    const big = 'x'.repeat(199_000); // 20 units with the request around it
    for (let i = 0; i < 200; i += 1) {
      // Spread over seconds so only the per-minute budget is in play.
      if (i % 100 === 99) clock += 1000;
      await kvs.set(`big:${i}`, big);
    }
    expect((await rejection(kvs.set('big:one-more', 'small'))).code).toBe('RATE_LIMIT_EXCEEDED');
    // Reads have their own budget.
    await expect(kvs.get('big:0')).resolves.toBe(big);
    clock += 60_000;
    await expect(kvs.set('big:one-more', 'small')).resolves.toBeUndefined();
  });
});
