/**
 * The repository's tags as Bitbucket Cloud has them (GET .../refs/tags, read:repository:bitbucket), read as the
 * user so Bitbucket applies their permissions. A tag is only kept with a name git accepts and a full commit hash:
 * that commit is what TeamCity is asked to build.
 */
import { route } from '@forge/api';
import { tagNameProblem } from '../shared/input-rules';
import { readBitbucket, readJson } from './repository-bitbucket';

export type RepositoryTag = { name: string; commit: string; date?: string };
/** `unreadable`: Bitbucket did not answer, so nobody can say whether the tag exists. */
export type TagLookup = { state: 'found'; tag: RepositoryTag } | { state: 'missing' } | { state: 'unreadable' };

export type TagReader = {
  /** The newest tags first; undefined when Bitbucket could not be read. */
  list(workspace: string, repositoryUuid: string): Promise<RepositoryTag[] | undefined>;
  /** One tag by name. */
  get(workspace: string, repositoryUuid: string, name: string): Promise<TagLookup>;
};

/** One page: the run dialog offers the newest tags; any other tag can still be typed. */
export const TAG_PAGE = 100;

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

export function tagOf(value: unknown): RepositoryTag | undefined {
  const tag = obj(value);
  const target = obj(tag?.target);
  const name = tag?.name;
  const hash = target?.hash;
  if (typeof name !== 'string' || tagNameProblem(name) !== null) return undefined;
  if (typeof hash !== 'string' || !/^[0-9a-f]{40}$/i.test(hash)) return undefined;
  const date = typeof target?.date === 'string' && !Number.isNaN(Date.parse(target.date)) ? new Date(target.date).toISOString() : undefined;
  return { name, commit: hash.toLowerCase(), ...(date !== undefined && { date }) };
}

export function tagsOf(page: unknown): RepositoryTag[] {
  const values = obj(page)?.values;
  if (!Array.isArray(values)) return [];
  return values
    .slice(0, TAG_PAGE)
    .map(tagOf)
    .filter((t): t is RepositoryTag => t !== undefined);
}

export const forgeTagReader: TagReader = {
  async list(workspace, repo) {
    const page = await readJson('tags', route`/2.0/repositories/${workspace}/${repo}/refs/tags?pagelen=${TAG_PAGE}&sort=${'-target.date'}`);
    return page === undefined ? undefined : tagsOf(page);
  },
  async get(workspace, repo, name) {
    // By query, not .../refs/tags/{name}: Forge's route refuses a "/" in a path parameter ("release/1.0" is a
    // common tag name) and Bitbucket does not take an encoded one there.
    const query = `name="${name.replace(/["\\]/g, '\\$&')}"`;
    const read = await readBitbucket('tag', route`/2.0/repositories/${workspace}/${repo}/refs/tags?q=${query}&pagelen=${10}`);
    if (!read.ok) return { state: 'unreadable' };
    // Bitbucket's q= is exact for "="; anything else is not the tag that was asked for.
    const tag = tagsOf(read.body).find((t) => t.name === name);
    return tag ? { state: 'found', tag } : { state: 'missing' };
  },
};
