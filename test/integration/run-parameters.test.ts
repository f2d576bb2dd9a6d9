/**
 * Typed parameters in the run dialog, end to end through the local host and the TeamCity simulator: the dialog's
 * form costs one TeamCity request, every run is checked against the configuration's specs before the one POST, a
 * tampered invoke is refused with nothing sent, and a password goes to TeamCity's build queue and nowhere else.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import type { GetRunParametersResponse, RunParameterView, TriggerBuildResponse } from '../../src/shared/schemas';
import { addToken, caller, postsToBuildQueue, repoPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let tokenId: string;

const DEPLOY = 'Acme_Webapp_DeployStaging';
const CONFIRMED = [{ name: 'deploy.confirm', value: 'deploy' }];

const form = (user = 'carol') => call<GetRunParametersResponse>(user, 'getRunParameters', { tokenId, buildTypeId: DEPLOY });
const run = (parameters: Array<{ name: string; value: string }>, user = 'carol') =>
  call<TriggerBuildResponse>(user, 'triggerBuild', { tokenId, buildTypeId: DEPLOY, branchName: 'main', parameters }, repoPage());
const byName = (parameters: RunParameterView[]) => Object.fromEntries(parameters.map((p) => [p.name, p]));
const sentValues = (buildId: number) =>
  Object.fromEntries(host.simulator!.data.builds.get(buildId)!.properties.map((p) => [p.name, p.value]));

beforeAll(async () => {
  host = await startBuildHost();
  call = caller(host);
  tokenId = (await addToken(host, 'carol', 'admin')).token.id;
});
afterAll(() => host.close());

describe('getRunParameters', () => {
  it('reads every typed parameter with one TeamCity request and leaves hidden ones out', async () => {
    host.simulator!.clearRequests();
    const { parameters, truncated } = unwrap(await form());
    expect(host.simulator!.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([`GET /app/rest/buildTypes/id:${DEPLOY}`]);
    expect(truncated).toBe(false);
    const shown = byName(parameters);
    expect(Object.keys(shown)).not.toContain('deploy.internalId');
    expect(shown['env.TARGET']).toMatchObject({
      defaultValue: 'staging',
      spec: {
        type: 'select',
        multiple: false,
        label: 'Target environment',
        options: [
          { value: 'staging', label: 'Staging' },
          { value: 'preview', label: 'Preview' },
        ],
      },
    });
    expect(shown['deploy.regions']!.spec).toMatchObject({ type: 'select', multiple: true, separator: '|' });
    expect(shown['deploy.regions']!.spec).toMatchObject({ options: [{ value: 'eu' }, { value: 'us' }, { value: 'ap', label: 'ap' }] });
    expect(shown['deploy.confirm']!.spec).toMatchObject({ type: 'text', display: 'prompt', validation: 'regex', regex: 'deploy' });
    expect(shown['deploy.confirm']!.spec).toMatchObject({ validationMessage: 'Type "deploy" to run this build' });
    expect(shown['deploy.ticket']!.spec).toMatchObject({ regex: '[A-Z]+-[0-9]+' });
    expect(shown['deploy.dryRun']!.spec).toMatchObject({ type: 'checkbox', checkedValue: 'true', uncheckedValue: 'false' });
    expect(shown['deploy.owner']!.spec).toMatchObject({ readOnly: true });
    expect(shown['deploy.apiKey']).toMatchObject({ defaultValue: '', spec: { type: 'password' } });
  });

  it('refuses a configuration id TeamCity would not accept without asking TeamCity', async () => {
    host.simulator!.clearRequests();
    const result = await call('carol', 'getRunParameters', { tokenId, buildTypeId: 'Acme,id:(x)' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'buildTypeId' } });
    expect(host.simulator!.requests).toEqual([]);
  });
});

describe('triggerBuild with typed parameters', () => {
  it('sends valid values of every type in the one POST', async () => {
    host.simulator!.clearRequests();
    const { build } = unwrap(
      await run([
        ...CONFIRMED,
        { name: 'env.TARGET', value: 'preview' },
        { name: 'deploy.regions', value: 'eu|ap' },
        { name: 'deploy.dryRun', value: 'true' },
        { name: 'deploy.ticket', value: 'OPS-42' },
      ]),
    );
    expect(postsToBuildQueue(host)).toBe(1);
    expect(sentValues(build.id)).toMatchObject({
      'deploy.confirm': 'deploy',
      'env.TARGET': 'preview',
      'deploy.regions': 'eu|ap',
      'deploy.dryRun': 'true',
      'deploy.ticket': 'OPS-42',
    });
  });

  it.each([
    ['a prompt parameter left out', [], /asks for "Confirmation" on every run/],
    ['a value failing the regex (with the spec message)', [{ name: 'deploy.confirm', value: 'yes' }], /^Type "deploy" to run this build$/],
    [
      'a select value outside its options',
      [...CONFIRMED, { name: 'env.TARGET', value: 'production' }],
      /"production" is not one of the choices/,
    ],
    ['one of several values outside the options', [...CONFIRMED, { name: 'deploy.regions', value: 'eu|mars' }], /"mars" is not one of/],
    ['a checkbox value that is neither state', [...CONFIRMED, { name: 'deploy.dryRun', value: 'maybe' }], /must be "true" or "false"/],
    ['a hidden parameter', [...CONFIRMED, { name: 'deploy.internalId', value: 'other' }], /hidden in TeamCity/],
    ['a read-only parameter', [...CONFIRMED, { name: 'deploy.owner', value: 'me' }], /"Owning team" is read-only/],
    ['a ticket key in the wrong form', [...CONFIRMED, { name: 'deploy.ticket', value: 'ops 1' }], /^Use a ticket key such as OPS-123$/],
  ])('refuses %s before anything is queued', async (_what, parameters, message) => {
    host.simulator!.clearRequests();
    const result = await run(parameters);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'parameters' } });
    expect(!result.ok && result.error.message).toMatch(message);
    expect(postsToBuildQueue(host)).toBe(0);
  });

  it('sends a password to TeamCity and never returns, logs or stores it', async () => {
    const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
    const logs: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
    try {
      const triggered = await run([...CONFIRMED, { name: 'deploy.apiKey', value: password }]);
      const { build } = unwrap(triggered);
      expect(sentValues(build.id)['deploy.apiKey']).toBe(password);
      const followed = await call('carol', 'getBuild', { tokenId, buildId: build.id });
      const again = await form();
      const responses = JSON.stringify([triggered, followed, again]);
      expect(responses).not.toContain(password);
      expect(logs.join('\n')).not.toContain(password);
      expect(JSON.stringify(host.kvs.rawEntries())).not.toContain(password);
    } finally {
      spy.mockRestore();
    }
  });

  it('offers the last values again to the same user only, never a password', async () => {
    unwrap(await run([...CONFIRMED, { name: 'env.TARGET', value: 'preview' }, { name: 'deploy.apiKey', value: 'hunter2-secret' }]));
    const mine = byName(unwrap(await form()).parameters);
    expect(mine['env.TARGET']!.lastValue).toBe('preview');
    expect(mine['deploy.confirm']!.lastValue).toBe('deploy');
    expect(mine['deploy.apiKey']!.lastValue).toBeUndefined();

    const dave = (await addToken(host, 'dave', 'admin')).token.id;
    const theirs = byName(
      unwrap(await call<GetRunParametersResponse>('dave', 'getRunParameters', { tokenId: dave, buildTypeId: DEPLOY })).parameters,
    );
    expect(theirs['env.TARGET']!.lastValue).toBeUndefined();
  });
});
