/**
 * Reads the Bitbucket Cloud REST API 2.0 shapes of a repository and a pull request, as requestBitbucket returns
 * them (the extension context only identifies them: resolvers/request-context.ts); anything missing stays
 * undefined.
 */
export type RepositoryFields = {
  uuid?: string;
  fullName?: string;
  workspaceSlug?: string;
  mainBranch?: string;
  cloneUrls: string[];
};

export type PullRequestFields = {
  id?: number;
  title?: string;
  sourceBranch?: string;
  destinationBranch?: string;
  author?: string;
  headCommit?: string;
};

type Json = Record<string, unknown>;

export const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const branchOf = (endpoint: unknown) => text(obj(obj(endpoint)?.branch)?.name);

export function repositoryFields(value: unknown): RepositoryFields {
  const repo = obj(value) ?? {};
  const workspace = obj(repo.workspace) ?? obj(repo.owner);
  const clone = obj(repo.links)?.clone;
  return {
    uuid: text(repo.uuid),
    fullName: text(repo.full_name),
    workspaceSlug: text(workspace?.slug),
    mainBranch: text(obj(repo.mainbranch)?.name),
    cloneUrls: Array.isArray(clone) ? clone.map((c) => text(obj(c)?.href)).filter((h): h is string => h !== undefined) : [],
  };
}

export function pullRequestFields(value: unknown): PullRequestFields {
  const pr = obj(value) ?? {};
  const author = obj(pr.author);
  const id = typeof pr.id === 'number' ? pr.id : typeof pr.id === 'string' && /^\d+$/.test(pr.id) ? Number(pr.id) : undefined;
  return {
    id: id !== undefined && Number.isSafeInteger(id) && id > 0 ? id : undefined,
    title: typeof pr.title === 'string' ? pr.title : undefined,
    sourceBranch: branchOf(pr.source),
    destinationBranch: branchOf(pr.destination),
    author: text(author?.display_name) ?? text(author?.nickname) ?? text(author?.username),
    headCommit: commitOf(pr.source),
  };
}

const commitOf = (endpoint: unknown): string | undefined => {
  const hash = text(obj(obj(endpoint)?.commit)?.hash);
  return hash !== undefined && /^[0-9a-f]{7,40}$/i.test(hash) ? hash.toLowerCase() : undefined;
};

export const branchNames = (page: unknown): string[] => {
  const values = obj(page)?.values;
  return Array.isArray(values) ? values.map((b) => text(obj(b)?.name)).filter((n): n is string => n !== undefined) : [];
};
