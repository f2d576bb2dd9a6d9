/**
 * The typed client over the unmodified @forge/bridge, with a stand-in for the host's `window.__bridge` (the
 * part Forge or the local host provides): what reaches the bridge, and what a screen gets back for every kind
 * of answer. The real bridge transport runs in the browser tests.
 */
import type { Api } from './create-api';
import * as messages from './invoke-rejection';

type Call = { name: string; payload: { functionKey: string; payload: unknown } };
let calls: Call[] = [];
let answer: (call: Call) => Promise<unknown> = () => Promise.resolve(undefined);

let api: Api<'deleteToken' | 'listTokens'>;

beforeAll(async () => {
  // @forge/bridge reads the host's bridge when its modules load.
  (globalThis as { __bridge?: unknown }).__bridge = {
    callBridge: (name: string, payload: Call['payload']) => {
      const call = { name, payload };
      calls.push(call);
      return answer(call);
    },
  };
  const { createApi } = await import('./create-api');
  api = createApi({ deleteToken: 'deleteToken', listTokens: 'listTokens' } as const);
});

afterAll(() => {
  delete (globalThis as { __bridge?: unknown }).__bridge;
});

beforeEach(() => {
  calls = [];
});

const TOKEN_ID = 'a'.repeat(32);

describe('createApi', () => {
  it('has a function for each of its keys only, which invokes that key with the input', async () => {
    expect(Object.keys(api).sort()).toEqual(['deleteToken', 'listTokens']);
    answer = () => Promise.resolve({ ok: true, data: { deleted: true } });
    await expect(api.deleteToken({ id: TOKEN_ID })).resolves.toEqual({ ok: true, data: { deleted: true } });
    expect(calls).toEqual([
      { name: 'invoke', payload: expect.objectContaining({ functionKey: 'deleteToken', payload: { id: TOKEN_ID } }) },
    ]);
  });

  it('passes the backend’s errors on as they are', async () => {
    const error = { code: 'invalid_input', message: 'Token id is not valid.', field: 'id' };
    answer = () => Promise.resolve({ ok: false, error });
    await expect(api.deleteToken({ id: TOKEN_ID })).resolves.toEqual({ ok: false, error });
  });

  it.each([undefined, null, 'ok', { ok: true }, { ok: false, error: 'nope' }, { ok: false, error: { code: 1, message: 'x' } }])(
    'turns an answer of another shape (%j) into one generic error',
    async (response) => {
      answer = () => Promise.resolve(response);
      await expect(api.listTokens({})).resolves.toEqual({
        ok: false,
        error: { code: 'internal_error', message: messages.BACKEND_UNREACHABLE_MESSAGE },
      });
    },
  );

  it('keeps the text of a rejected invoke off the screen: it can carry the payload', async () => {
    answer = (call) => Promise.reject(new Error(`There was an error invoking the function - ${JSON.stringify(call.payload)}`));
    const result = await api.deleteToken({ id: TOKEN_ID });
    expect(result).toEqual({ ok: false, error: { code: 'internal_error', message: messages.BACKEND_UNREACHABLE_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain(TOKEN_ID);
  });

  it.each([
    [
      'name',
      Object.assign(new Error('There was an error invoking the function - NEEDS_AUTHENTICATION_ERR'), { name: 'NEEDS_AUTHENTICATION_ERR' }),
    ],
    ['code', Object.assign(new Error('declined'), { code: 'consent_required' })],
  ])('recognises a declined consent by the rejection’s %s', async (_by, rejection) => {
    answer = () => Promise.reject(rejection);
    await expect(api.listTokens({})).resolves.toEqual({
      ok: false,
      error: { code: 'consent_required', message: 'Allow the app access to Bitbucket to use TeamCity here.' },
    });
  });

  it('does not take a message that merely mentions consent for a declined consent', async () => {
    answer = () => Promise.reject(new Error('consent_required NEEDS_AUTHENTICATION_ERR'));
    await expect(api.listTokens({})).resolves.toMatchObject({ ok: false, error: { code: 'internal_error' } });
  });
});
