/**
 * TeamCity-shaped answers for the hostile server: every string field the client asks for (teamcity-fields.ts)
 * carries `echo` (the token or one of its encodings), while ids, numbers and dates stay valid so the app
 * accepts the answer and goes on to show and store what it read.
 */
import type { HostileRequest, RawAnswer } from './hostile-server';
import { restPath } from './hostile-server';

export const HOSTILE_BUILD_TYPE = 'Hostile_Build';

const user = (echo: string) => ({ id: 7, username: echo, name: echo, email: echo });

export const buildTypeJson = (echo: string, id = HOSTILE_BUILD_TYPE) => ({
  id,
  name: echo,
  projectId: 'Hostile',
  projectName: echo,
  webUrl: echo,
  href: echo,
  paused: false,
  description: echo,
  project: { id: 'Hostile', name: echo },
  parameters: { count: 1, property: [{ name: `env.${echo}`, value: echo, inherited: false, type: { rawValue: echo } }] },
  'vcs-root-entries': {
    'vcs-root-entry': [
      {
        'vcs-root': {
          id: 'Hostile_Git',
          vcsName: 'jetbrains.git',
          properties: {
            property: [
              { name: 'branch', value: echo },
              { name: 'teamcity:branchSpec', value: `+:refs/heads/*\n+:refs/tags/*\n+:refs/tags/(${echo})` },
              { name: 'reportTagRevisions', value: 'true' },
              { name: 'secure:password', value: echo },
            ],
          },
        },
      },
    ],
  },
});

export const buildJson = (echo: string, id = 1, state = 'finished') => ({
  id,
  buildTypeId: HOSTILE_BUILD_TYPE,
  number: echo,
  status: 'SUCCESS',
  state,
  personal: false,
  branchName: echo,
  href: echo,
  webUrl: echo,
  statusText: echo,
  waitReason: echo,
  queuedDate: '20260101T120000+0000',
  startDate: '20260101T120001+0000',
  finishDate: '20260101T120002+0000',
  buildType: { id: HOSTILE_BUILD_TYPE, name: echo, projectId: 'Hostile', projectName: echo },
  triggered: { type: echo, date: '20260101T120000+0000', displayText: echo, user: user(echo) },
  canceledInfo: { timestamp: '20260101T120003+0000', text: echo, user: user(echo) },
  properties: { count: 1, property: [{ name: 'env.ECHO', value: echo }] },
});

/** The JSON TeamCity would send for the app's request, with `echo` in every string. */
export function echoJson(req: HostileRequest, echo: string, inVersion = true): unknown {
  const path = restPath(req);
  if (path.endsWith('/app/rest/server')) {
    const version = inVersion ? `2025.11 (build 197398) ${echo}` : '2025.11 (build 197398)';
    return { version, versionMajor: 2025, versionMinor: 11, buildNumber: echo, webUrl: echo };
  }
  if (path.endsWith('/app/rest/users/current')) return user(echo);
  if (path.endsWith('/app/rest/users/current/tokens')) {
    return { count: 1, token: [{ name: echo, creationTime: new Date().toISOString(), expirationTime: '2099-01-01T00:00:00.000Z' }] };
  }
  if (path.endsWith('/app/rest/buildTypes')) return { count: 1, href: echo, buildType: [buildTypeJson(echo)] };
  if (/\/app\/rest\/buildTypes\/id:/.test(path)) return buildTypeJson(echo);
  if (path.endsWith('/app/rest/builds')) return { count: 1, href: echo, nextHref: echo, build: [buildJson(echo)] };
  if (path.endsWith('/app/rest/buildQueue')) return buildJson(echo, 2, 'queued');
  if (/\/app\/rest\/(builds|buildQueue)\/id:/.test(path)) return buildJson(echo, Number(/id:(\d+)/.exec(path)?.[1] ?? 1), 'running');
  return { message: echo };
}

/** A 200 whose reason phrase and headers carry `echo` too. */
export const echoAnswer =
  (echo: () => string, inVersion = true) =>
  (req: HostileRequest): RawAnswer => ({
    status: 200,
    reason: echo(),
    headers: { 'Content-Type': 'application/json', 'X-Echo': echo(), Server: echo() },
    body: JSON.stringify(echoJson(req, echo(), inVersion)),
  });
