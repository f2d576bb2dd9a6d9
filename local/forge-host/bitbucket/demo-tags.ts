/**
 * Tags of the emulated repositories. Each names a commit of the main branch's history (branch-heads.ts), counted
 * from its oldest commit so a push to the branch does not move a tag, as git tags never move by themselves.
 */
import type { DemoRepository, DemoWorkspace } from './demo-data';
import { historyOf } from './branch-heads';

type DemoTag = { name: string; fromOldest: number; date: string; message: string };

const TAGS: Record<string, DemoTag[]> = {
  'acme/webapp': [
    { name: 'v1.2.0', fromOldest: 0, date: '2026-10-02T14:00:00+00:00', message: 'Release 1.2.0' },
    { name: 'v1.3.0', fromOldest: 2, date: '2026-11-04T10:30:00+00:00', message: 'Release 1.3.0' },
    { name: 'nightly-2026-11-30', fromOldest: 3, date: '2026-11-30T02:00:00+00:00', message: 'Nightly snapshot' },
    { name: 'v1.4.0-rc.1', fromOldest: 4, date: '2026-11-28T16:45:00+00:00', message: 'Release candidate 1.4.0-rc.1' },
    // A "/" in a tag name: Forge's route() refuses it in a path, so the app looks tags up by query.
    { name: 'v2/preview', fromOldest: 5, date: '2026-11-20T09:15:00+00:00', message: 'Preview of 2.0' },
  ],
};

/** Newest first by the tagged commit's date, as Bitbucket's sort=-target.date gives them. */
export function tagsJson(ws: DemoWorkspace, repo: DemoRepository) {
  const history = historyOf(ws.slug, repo.slug, repo.mainBranch);
  return (TAGS[`${ws.slug}/${repo.slug}`] ?? [])
    .map((tag) => ({
      type: 'tag',
      name: tag.name,
      message: `${tag.message}\n`,
      date: tag.date,
      tagger: { type: 'author', raw: 'Demo <demo@acme.example>' },
      target: { type: 'commit', hash: history[history.length - 1 - tag.fromOldest]!, date: tag.date, message: `${tag.message}\n` },
      links: { html: { href: `https://bitbucket.org/${ws.slug}/${repo.slug}/commits/tag/${encodeURIComponent(tag.name)}` } },
    }))
    .sort((a, b) => Date.parse(b.target.date) - Date.parse(a.target.date));
}
