/**
 * Test occurrences, problem occurrences and artifacts of a build (GET /app/rest/testOccurrences,
 * /problemOccurrences, /builds/{locator}/artifacts/children), in TeamCity's list shapes.
 */
import { findBuild } from './build-query';
import { artifactFiles, problemOccurrencesBody } from './render-build';
import { testsOf, type SimTest } from './build-results';
import { badRequest } from './errors';
import { entityReply } from './render-list';
import { first, numberDim, parseLocator } from './locator';
import type { Route, RouteRequest } from './route-types';

const DEFAULT_TESTS = 100;

function buildOf(req: RouteRequest) {
  const text = req.query.get('locator');
  if (!text) throw badRequest('A locator with build:(<buildLocator>) is expected.');
  const loc = parseLocator(text);
  const build = first(loc, 'build');
  if (!build) throw badRequest(`Locator '${text}' must name a build: build:(id:<id>).`);
  return { loc, build: findBuild(req.state.data, build, req.ctx.now) };
}

function testOccurrence(t: SimTest, i: number, buildId: number, prefix: string) {
  return {
    id: `build:(id:${buildId}),id:${i + 1}`,
    name: t.name,
    status: t.status,
    duration: t.durationMs,
    ignored: t.ignored ? true : undefined,
    muted: t.muted ? true : undefined,
    currentlyMuted: t.muted ? true : undefined,
    details: t.details,
    firstFailed: t.newFailure || t.status !== 'FAILURE' ? undefined : { id: Math.max(1, buildId - 1) },
    newFailure: t.newFailure ? true : undefined,
    href: `${prefix}/testOccurrences/build:(id:${buildId}),id:${i + 1}`,
  };
}

export const buildResultRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'testOccurrences',
    handle: (req) => {
      const { loc, build } = buildOf(req);
      const status = first(loc, 'status')?.toUpperCase();
      const count = numberDim(loc, 'count') ?? DEFAULT_TESTS;
      const all = testsOf(build, req.ctx.now).map((t, i) => ({ t, i }));
      const matching = all.filter(({ t }) => status === undefined || t.status === status);
      const page = matching.slice(0, count);
      return entityReply(req, 'testOccurrences', {
        count: page.length,
        href: req.path,
        nextHref: matching.length > page.length ? `${req.path}?locator=build:(id:${build.id}),start:${count}` : undefined,
        testOccurrence: page.map(({ t, i }) => testOccurrence(t, i, build.id, req.ctx.prefix)),
      });
    },
  },
  {
    method: 'GET',
    pattern: 'problemOccurrences',
    handle: (req) => entityReply(req, 'problemOccurrences', problemOccurrencesBody(buildOf(req).build, req.ctx)),
  },
  {
    method: 'GET',
    pattern: 'builds/:loc/artifacts/children',
    handle: (req) => {
      const build = findBuild(req.state.data, req.params.loc!, req.ctx.now);
      const file = artifactFiles(build, req.ctx);
      return entityReply(req, 'files', { count: file.length, href: req.path, file });
    },
  },
];
