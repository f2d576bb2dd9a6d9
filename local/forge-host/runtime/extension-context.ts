/**
 * Builds the Forge context for a module the way Bitbucket does: the extension (workspace, repository,
 * pull request) from the page it is on, the user from the session — never from the browser.
 */
import { DEMO_WORKSPACE, findRepository, findWorkspace, type DemoUser, type DemoWorkspace } from '../bitbucket/demo-data';
import { moduleByKey, moduleByType, type LocalModule } from './local-modules';

/** Where a Custom UI frame sits; the shell puts these in the frame's URL. */
export type FrameParams = { module: string; workspace?: string; repo?: string; pr?: string; branch?: string; modal?: string };
export type Extension = Record<string, unknown> & { type: string };

export class FrameError extends Error {}

const WEB = 'https://bitbucket.org';
/** The app id and environment parts of Forge page URLs, for the local app. */
const LOCAL_APP_PATH = 'local-app/local-environment';

export const unbraced = (uuid: string) => uuid.replace(/^\{|\}$/g, '');
export const installContextFor = (ws: DemoWorkspace) => `ari:cloud:bitbucket::workspace/${unbraced(ws.uuid)}`;

export function moduleForFrame(frame: FrameParams): LocalModule {
  const module = moduleByKey(frame.module);
  if (!module) throw new FrameError(`Unknown module "${frame.module}".`);
  return module;
}

/**
 * The extension context exactly as Bitbucket documents it per module, and nothing more: repository modules get
 * `{ type, location, repository: { uuid } }`, pull request modules add `pullRequest: { id }`, workspace pages
 * `{ type, location }` (the workspace is the resolver context's `workspaceId`). Slugs, clone links, branches
 * and pull request details are the app's to read from the Bitbucket REST API.
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/bitbucket-repository-code-overview-action/
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/bitbucket-repository-pull-request-action/
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/bitbucket-workspace-settings-menu-page/
 * https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/requestBitbucket/ (the documented
 * use: `/2.0/repositories/${context.workspaceId}/${context.extension.repository.uuid}`)
 */
/** The context a frame passed to Forge's Modal class: Forge shows it to the modal under extension.modal. */
function modalContext(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text.length > 2000) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function extensionForFrame(frame: FrameParams): Extension {
  const extension = baseExtensionForFrame(frame);
  const modal = modalContext(frame.modal);
  return modal ? placed({ ...extension, modal }, workspaceOf(extension)) : extension;
}

function baseExtensionForFrame(frame: FrameParams): Extension {
  const module = moduleForFrame(frame);
  const ws = findWorkspace(frame.workspace ?? DEMO_WORKSPACE.slug);
  if (!ws) throw new FrameError(`Unknown workspace "${frame.workspace}".`);
  if (module.type === 'bitbucket:workspacePersonalSettingsPage' || module.type === 'bitbucket:workspaceSettingsMenuPage') {
    const page = module.type === 'bitbucket:workspaceSettingsMenuPage' ? 'settings' : 'personal-settings';
    return placed({ type: module.type, location: `${WEB}/${ws.slug}/workspace/${page}/forge/${LOCAL_APP_PATH}/${module.key}` }, ws);
  }

  const repo = findRepository(ws.slug, frame.repo ?? '');
  if (!repo) throw new FrameError(`Unknown repository "${frame.repo}".`);
  const minimal = minimalResultsContext(module.type, repo, frame, ws);
  if (minimal) return minimal;
  const repository = { uuid: repo.uuid };
  const repoUrl = `${WEB}/${ws.slug}/${repo.slug}`;
  if (module.type === 'bitbucket:repoCodeOverviewAction' || module.type === 'bitbucket:repoSettingsMenuPage') {
    return placed({ type: module.type, location: repoUrl, repository }, ws);
  }

  const pr = repo.pullRequests.find((p) => String(p.id) === frame.pr);
  if (!pr) throw new FrameError(`Unknown pull request "${frame.pr}".`);
  return placed({ type: module.type, location: `${repoUrl}/pull-requests/${pr.id}`, repository, pullRequest: { id: pr.id } }, ws);
}

/** Which workspace a frame's extension belongs to: Forge says so in `workspaceId`, beside the extension, not in it. */
const workspaceOfExtension = new WeakMap<Extension, DemoWorkspace>();
function placed(extension: Extension, ws: DemoWorkspace): Extension {
  workspaceOfExtension.set(extension, ws);
  return extension;
}

export function workspaceOf(extension: Extension): DemoWorkspace {
  return workspaceOfExtension.get(extension) ?? DEMO_WORKSPACE;
}

const RESULT_MODULES = new Set([
  'bitbucket:repoPullRequestOverviewPanel',
  'bitbucket:repoPullRequestCard',
  'bitbucket:repoCodeOverviewCard',
]);

/**
 * The build-results modules get only what Bitbucket gives every repository module: the type, the
 * repository's uuid, the pull request's id and where the page is; the app reads the rest from the API.
 */
function minimalResultsContext(
  type: string,
  repo: NonNullable<ReturnType<typeof findRepository>>,
  frame: FrameParams,
  ws: DemoWorkspace,
): Extension | null {
  if (!RESULT_MODULES.has(type)) return null;
  const repoUrl = `${WEB}/${ws.slug}/${repo.slug}`;
  if (type === 'bitbucket:repoCodeOverviewCard') {
    const branch = frame.branch && repo.branches.includes(frame.branch) ? frame.branch : undefined;
    return placed({ type, location: repoUrl, repository: { uuid: repo.uuid }, ...(branch && { branch: { name: branch } }) }, ws);
  }
  const pr = repo.pullRequests.find((p) => String(p.id) === frame.pr);
  if (!pr) throw new FrameError(`Unknown pull request "${frame.pr}".`);
  return placed({ type, location: `${repoUrl}/pull-requests/${pr.id}`, repository: { uuid: repo.uuid }, pullRequest: { id: pr.id } }, ws);
}

/** What the resolver receives as `context` (the runtime adds accountId and installContext from the principal). */
export function resolverContext(extension: Extension): Record<string, unknown> {
  const moduleKey = moduleByType(extension.type)?.key ?? 'unknown-module';
  const ws = workspaceOf(extension);
  return {
    moduleKey,
    localId: `ari:cloud:ecosystem::extension/local-app/local-environment/static/${moduleKey}`,
    workspaceId: ws.uuid,
    environmentId: 'local-environment',
    environmentType: 'DEVELOPMENT',
    extension: structuredClone(extension),
  };
}

/** What `view.getContext()` returns in the browser. */
export function frontendContext(user: DemoUser, extension: Extension): Record<string, unknown> {
  return {
    ...resolverContext(extension),
    accountId: user.accountId,
    locale: 'en-US',
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    theme: { colorMode: 'light' },
    siteUrl: 'https://bitbucket.org',
  };
}

export const settingsPageExtension = (): Extension => extensionForFrame({ module: 'teamcity-personal-settings' });
export const workspaceSettingsExtension = (): Extension => extensionForFrame({ module: 'teamcity-workspace-settings' });
