/**
 * Tags of the emulated repositories. Each names a commit of the main branch's history (commit-history.ts), counted
 * from its oldest commit so a push to the branch does not move a tag, as git tags never move by themselves. The
 * target is that commit as the commit list shows it; the annotation (message, tagger, date) is the tag's own.
 */
import type { DemoRepository, DemoWorkspace } from './demo-data';
import { commitHistoryJson } from './commit-history';

type DemoTag = { name: string; fromOldest: number; message: string };

const TAGS: Record<string, DemoTag[]> = {
  'acme/webapp': [
    { name: 'v1.2.0', fromOldest: 0, message: 'Release 1.2.0' },
    { name: 'v1.3.0', fromOldest: 2, message: 'Release 1.3.0' },
    { name: 'nightly-2024-03-05', fromOldest: 3, message: 'Nightly snapshot' },
    { name: 'v1.4.0-rc.1', fromOldest: 4, message: 'Release candidate 1.4.0-rc.1' },
    // A "/" in a tag name: Forge's route() refuses it in a path, so the app looks tags up by query.
    { name: 'v2/preview', fromOldest: 5, message: 'Preview of 2.0' },
  ],
};

/** Newest first by the tagged commit's date, as Bitbucket's sort=-target.date gives them. */
export function tagsJson(ws: DemoWorkspace, repo: DemoRepository) {
  const commits = commitHistoryJson(ws, repo, repo.mainBranch) ?? [];
  return (TAGS[`${ws.slug}/${repo.slug}`] ?? [])
    .map((tag) => {
      const target = commits[commits.length - 1 - tag.fromOldest]!;
      return {
        type: 'tag',
        name: tag.name,
        message: `${tag.message}\n`,
        date: target.date,
        tagger: { type: 'author', raw: 'Demo <demo@acme.example>' },
        target,
        links: { html: { href: `https://bitbucket.org/${ws.slug}/${repo.slug}/commits/tag/${encodeURIComponent(tag.name)}` } },
      };
    })
    .sort((a, b) => Date.parse(b.target.date) - Date.parse(a.target.date));
}
