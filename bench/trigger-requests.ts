/**
 * TeamCity requests the run dialog costs once a configuration is chosen: its typed parameters (the form), then the
 * "Run build" button, which reads the parameter specs afresh to check the run and sends the one POST; the same for a
 * configuration that builds tags, whose form also lists them and whose run is of a tag. Counted from the
 * simulator's log.
 */
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import { extensionForFrame } from '../local/forge-host/runtime/extension-context';
import type { Result } from '../src/shared/result';
import { BUILD_RESOLVER_FUNCTIONS, type TriggerBuildRequest, type TriggerBuildResponse } from '../src/shared/schemas';
import { addToken } from './distinct-servers';
import { interceptBitbucket, type BitbucketInterceptor } from '../test/support/bitbucket-requests';
import { runStandalone, within, type Figure } from './figure';

const USER = 'bench-trigger';
/** A demo repository and one of the simulator's configurations building it. */
const REPOSITORY = { module: 'teamcity-run-build-repo', workspace: 'acme', repo: 'webapp' };
const BUILD_TYPE_ID = 'Acme_Webapp_Build';
/** Builds version tags (+:refs/tags/(v*) with "Use tags as branches"); the demo repository has v1.3.0. */
const TAG_BUILD_TYPE_ID = 'AcmeRelease_Production';
const TAG = 'v1.3.0';

type Counted = { form: string[]; trigger: string[]; bitbucketForm: string[]; bitbucketTrigger: string[] };

/** The form of one configuration, then one run of it; each counted on its own from cleared logs. */
async function countRequests(
  host: LocalHost,
  bitbucket: BitbucketInterceptor,
  tokenId: string,
  request: TriggerBuildRequest,
): Promise<Counted> {
  const simulator = host.simulator!;
  const extension = extensionForFrame(REPOSITORY);
  const paths = () => simulator.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
  simulator.clearRequests();
  bitbucket.clear();
  const form = (await host.invoke(
    USER,
    BUILD_RESOLVER_FUNCTIONS.getRunParameters,
    { tokenId, buildTypeId: request.buildTypeId },
    extension,
  )) as Result<unknown>;
  if (!form.ok) throw new Error(`getRunParameters failed: ${form.error.code}`);
  const formRequests = paths();
  const bitbucketForm = bitbucket.shown();
  simulator.clearRequests();
  bitbucket.clear();
  const result = (await host.invoke(USER, BUILD_RESOLVER_FUNCTIONS.triggerBuild, request, extension)) as Result<TriggerBuildResponse>;
  if (!result.ok) throw new Error(`triggerBuild failed: ${result.error.code}`);
  return { form: formRequests, trigger: paths(), bitbucketForm, bitbucketTrigger: bitbucket.shown() };
}

const posts = (requests: string[]) => requests.filter((r) => r.startsWith('POST ')).length;

export async function triggerRequestFigures(): Promise<Figure[]> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: { buildDurations: { queuedMs: 50, runningMs: 100 } } });
  try {
    const simulator = host.simulator;
    if (!simulator) throw new Error('The local host started without its TeamCity simulator.');
    const { token } = await addToken(host, USER, simulator);
    const bitbucket = interceptBitbucket();
    const branch = await countRequests(host, bitbucket, token.id, { tokenId: token.id, buildTypeId: BUILD_TYPE_ID, branchName: 'main' });
    const tag = await countRequests(host, bitbucket, token.id, { tokenId: token.id, buildTypeId: TAG_BUILD_TYPE_ID, tag: TAG });
    bitbucket.clear();
    const commits = (await host.invoke(
      USER,
      BUILD_RESOLVER_FUNCTIONS.listRecentCommits,
      { branch: 'feature/login' },
      extensionForFrame(REPOSITORY),
    )) as Result<unknown>;
    if (!commits.ok) throw new Error(`listRecentCommits failed: ${commits.error.code}`);
    const commitRequests = bitbucket.shown();
    bitbucket.stop();
    const extra = (more: string[], base: string[]) => more.length - base.length;
    return [
      {
        name: 'TeamCity requests to show the typed parameters of a chosen configuration',
        value: `${branch.form.length} (${branch.form.join(', ')})`,
        budget: 'at most 1',
        verdict: within(branch.form.length <= 1),
      },
      {
        name: 'TeamCity requests to trigger a build (configuration chosen)',
        value: `${branch.trigger.length} (${branch.trigger.join(', ')}); ${posts(branch.trigger)} POST`,
        budget: 'exactly 1 POST (the spec check reads the configuration once)',
        verdict: within(posts(branch.trigger) === 1 && branch.trigger.length <= 2),
      },
      {
        name: 'TeamCity requests to show the parameters and tags of a configuration that builds tags',
        value: `${tag.form.length} (${tag.form.join(', ')})`,
        budget: 'at most 1 (its VCS roots come with the parameters)',
        verdict: within(tag.form.length <= 1),
      },
      {
        name: 'TeamCity requests to build a tag',
        value: `${tag.trigger.length} (${tag.trigger.join(', ')}); ${posts(tag.trigger)} POST`,
        budget: 'exactly 1 POST (the tag check reads the configuration with the specs)',
        verdict: within(posts(tag.trigger) === 1 && tag.trigger.length <= 2),
      },
      {
        name: 'Bitbucket requests for the form of a configuration that builds tags, beyond a plain one',
        value: `${extra(tag.bitbucketForm, branch.bitbucketForm)} (${tag.bitbucketForm.length} in all: ${tag.bitbucketForm.join(', ')})`,
        budget: '1 (the tag list)',
        verdict: within(extra(tag.bitbucketForm, branch.bitbucketForm) === 1),
      },
      {
        name: 'Bitbucket requests to run a tag, beyond a run of a branch',
        value: `${extra(tag.bitbucketTrigger, branch.bitbucketTrigger)} (${tag.bitbucketTrigger.length} in all: ${tag.bitbucketTrigger.join(', ')})`,
        budget: '1 (the tag lookup)',
        verdict: within(extra(tag.bitbucketTrigger, branch.bitbucketTrigger) === 1),
      },
      {
        name: 'Bitbucket requests to list a branch’s recent commits (commit picker)',
        value: `${commitRequests.length} (${commitRequests.join(', ')})`,
        budget: 'exactly 1',
        verdict: within(commitRequests.length === 1),
      },
    ];
  } finally {
    await host.close();
  }
}

runStandalone(module, triggerRequestFigures);
