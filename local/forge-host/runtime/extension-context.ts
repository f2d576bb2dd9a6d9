/**
 * Builds the Forge context for a module the way Bitbucket does: the extension (workspace, repository,
 * pull request) from the page it is on, the user from the session — never from the browser.
 */
import { repositoryJson, pullRequestJson } from '../bitbucket/bitbucket-json';
import { DEMO_WORKSPACE, findRepository, findWorkspace, type DemoUser, type DemoWorkspace } from '../bitbucket/demo-data';
import { moduleByKey, moduleByType, type LocalModule } from './local-modules';

/** Where a Custom UI frame sits; the shell puts these in the frame's URL. */
export type FrameParams = { module: string; workspace?: string; repo?: string; pr?: string; branch?: string; modal?: string };
export type Extension = Record<string, unknown> & { type: string };

export class FrameError extends Error {}

export const unbraced = (uuid: string) => uuid.replace(/^\{|\}$/g, '');
export const installContextFor = (ws: DemoWorkspace) => `ari:cloud:bitbucket::workspace/${unbraced(ws.uuid)}`;

export function moduleForFrame(frame: FrameParams): LocalModule {
  const module = moduleByKey(frame.module);
  if (!module) throw new FrameError(`Unknown module "${frame.module}".`);
  return module;
}

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
  return modal ? { ...extension, modal } : extension;
}

function baseExtensionForFrame(frame: FrameParams): Extension {
  const module = moduleForFrame(frame);
  const ws = findWorkspace(frame.workspace ?? DEMO_WORKSPACE.slug);
  if (!ws) throw new FrameError(`Unknown workspace "${frame.workspace}".`);
  const workspace = { uuid: ws.uuid, slug: ws.slug, name: ws.name };
  if (module.type === 'bitbucket:workspacePersonalSettingsPage' || module.type === 'bitbucket:workspaceSettingsMenuPage') {
    return { type: module.type, workspace };
  }

  const repo = findRepository(ws.slug, frame.repo ?? '');
  if (!repo) throw new FrameError(`Unknown repository "${frame.repo}".`);
  const minimal = minimalResultsContext(module.type, repo, frame);
  if (minimal) return minimal;
  const repository = repositoryJson(ws, repo);
  if (module.type === 'bitbucket:repoCodeOverviewAction') return { type: module.type, workspace, repository };

  const pr = repo.pullRequests.find((p) => String(p.id) === frame.pr);
  if (!pr) throw new FrameError(`Unknown pull request "${frame.pr}".`);
  const { id, title, state, source, destination, author, links } = pullRequestJson(ws, repo, pr);
  return { type: module.type, workspace, repository, pullRequest: { id, title, state, source, destination, author, links } };
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
function minimalResultsContext(type: string, repo: NonNullable<ReturnType<typeof findRepository>>, frame: FrameParams): Extension | null {
  if (!RESULT_MODULES.has(type)) return null;
  if (type === 'bitbucket:repoCodeOverviewCard') {
    const branch = frame.branch && repo.branches.includes(frame.branch) ? frame.branch : undefined;
    return { type, repository: { uuid: repo.uuid }, location: 'repository', ...(branch && { branch: { name: branch } }) };
  }
  const pr = repo.pullRequests.find((p) => String(p.id) === frame.pr);
  if (!pr) throw new FrameError(`Unknown pull request "${frame.pr}".`);
  return { type, repository: { uuid: repo.uuid }, pullRequest: { id: pr.id }, location: 'pullRequest' };
}

function workspaceOf(extension: Extension): DemoWorkspace {
  const ref = extension.workspace as { slug?: string; uuid?: string } | undefined;
  return findWorkspace(ref?.slug ?? ref?.uuid ?? DEMO_WORKSPACE.slug) ?? DEMO_WORKSPACE;
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
    extension,
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
