/**
 * Wire schemas piped into the app's types. Each decoder is a zod schema from unknown JSON to our type, so the
 * HTTP layer has one `safeParse` for every endpoint and a body that is not what TeamCity sends fails there.
 * Lists are decoded item by item: an item TeamCity would not send is left out and counted (`skipped`), the
 * others are kept, and no more items are taken than were asked for (`truncated` says there were more).
 */
import { z } from 'zod';
import { approvalWireSchema, toApproval } from './teamcity-approval';
import { teamCityDateToIso } from './teamcity-date';
import { buildLink, buildTypeLink, type LinkContext } from './teamcity-links';
import { isValidBuildTypeId } from './teamcity-locator';
import {
  buildTypeWireSchema,
  buildTypesWireSchema,
  buildWireSchema,
  buildsWireSchema,
  serverWireSchema,
  tokensWireSchema,
  tokenWireSchema,
  userWireSchema,
  type BuildTypeWire,
  type BuildWire,
  type ListWire,
  type PropertiesWire,
  type UserWire,
} from './teamcity-schemas';
import type {
  BuildList,
  BuildTypePage,
  TeamCityBuild,
  TeamCityBuildState,
  TeamCityAccessToken,
  TeamCityBuildType,
  TeamCityParameter,
  TeamCityProperty,
  TeamCityServerInfo,
  TeamCityUser,
  TeamCityUserRef,
  TeamCityVcsRootSettings,
} from './teamcity-types';

const VERSION_NUMBERS = /^(\d+)\.(\d+)/;

export const serverInfoDecoder = serverWireSchema.transform((wire): TeamCityServerInfo => {
  // TeamCity has sent versionMajor/Minor since 8.x; the version string is the fallback for anything older.
  const fromString = VERSION_NUMBERS.exec(wire.version);
  return {
    version: wire.version,
    versionMajor: wire.versionMajor ?? Number(fromString?.[1] ?? 0),
    versionMinor: wire.versionMinor ?? Number(fromString?.[2] ?? 0),
    buildNumber: wire.buildNumber ?? '',
    ...(wire.webUrl !== undefined && { webUrl: wire.webUrl }),
  };
});

export const userDecoder = userWireSchema.transform((wire, ctx): TeamCityUser => {
  if (wire.id === undefined || wire.username === undefined) {
    ctx.issues.push({ code: 'custom', message: 'user without id or username', input: wire });
    return z.NEVER;
  }
  return {
    id: wire.id,
    username: wire.username,
    ...(wire.name !== undefined && { name: wire.name }),
    ...(wire.email !== undefined && { email: wire.email }),
  };
});

type Items<T> = { items: T[]; skipped: number; truncated: boolean };

/** At most `limit` items of a list, each decoded on its own; a bad one is counted, not fatal. */
function itemsOf<T>(list: ListWire, limit: number, decode: (raw: unknown) => T | undefined): Items<T> {
  const items: T[] = [];
  let skipped = 0;
  for (const raw of list.items.slice(0, limit)) {
    const item = decode(raw);
    if (item === undefined) skipped++;
    else items.push(item);
  }
  return { items, skipped, truncated: list.items.length > limit };
}

/** TeamCity lists a user's tokens in the dozens; more is not a real answer. */
const MAX_TOKENS = 1000;

function toAccessToken(raw: unknown): TeamCityAccessToken | undefined {
  const parsed = tokenWireSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const t = parsed.data;
  const createdAt = teamCityDateToIso(t.creationTime);
  const expiresAt = teamCityDateToIso(t.expirationTime);
  return { name: t.name, ...(createdAt !== undefined && { createdAt }), ...(expiresAt !== undefined && { expiresAt }) };
}

export const accessTokensDecoder = tokensWireSchema.transform(
  (wire): TeamCityAccessToken[] => itemsOf(wire, MAX_TOKENS, toAccessToken).items,
);

function toUserRef(wire: UserWire | undefined): TeamCityUserRef | undefined {
  if (wire === undefined) return undefined;
  return {
    ...(wire.id !== undefined && { id: wire.id }),
    ...(wire.username !== undefined && { username: wire.username }),
    ...(wire.name !== undefined && { name: wire.name }),
  };
}

function toProperties(wire: PropertiesWire | undefined): TeamCityProperty[] | undefined {
  return wire?.property?.map((p) => ({ name: p.name, value: p.value ?? '' }));
}

function toParameters(wire: PropertiesWire | undefined): TeamCityParameter[] | undefined {
  return wire?.property?.map((p) => ({
    name: p.name,
    value: p.value ?? '',
    ...(p.type?.rawValue !== undefined && { rawType: p.type.rawValue }),
    ...(p.inherited !== undefined && { inherited: p.inherited }),
  }));
}

/** VCS root property names (JetBrains Git plugin: Constants.BRANCH_NAME, BRANCH_SPEC, REPORT_TAG_REVISIONS). */
const DEFAULT_BRANCH = 'branch';
const BRANCH_SPEC = 'teamcity:branchSpec';
const TAGS_AS_BRANCHES = 'reportTagRevisions';

function toVcsRoots(wire: NonNullable<BuildTypeWire['vcs-root-entries']>): TeamCityVcsRootSettings[] {
  return (wire['vcs-root-entry'] ?? []).flatMap((entry) => {
    const root = entry['vcs-root'];
    if (root === undefined) return [];
    const properties = new Map((root.properties?.property ?? []).map((p) => [p.name, p.value ?? '']));
    const defaultBranch = properties.get(DEFAULT_BRANCH);
    const branchSpec = properties.get(BRANCH_SPEC);
    return [
      {
        id: root.id,
        ...(root.vcsName !== undefined && { vcsName: root.vcsName }),
        settingsShown: root.properties !== undefined,
        ...(defaultBranch !== undefined && { defaultBranch }),
        ...(branchSpec !== undefined && { branchSpec }),
        tagsAsBranches: properties.get(TAGS_AS_BRANCHES) === 'true',
      },
    ];
  });
}

const toBuildType =
  (links: LinkContext) =>
  (wire: BuildTypeWire): TeamCityBuildType => {
    return {
      id: wire.id,
      name: wire.name,
      projectId: wire.projectId ?? wire.project?.id ?? '',
      projectName: wire.projectName ?? wire.project?.name ?? '',
      webUrl: buildTypeLink(links, wire.id, wire.webUrl),
      ...(wire.paused !== undefined && { paused: wire.paused }),
      ...(wire.description !== undefined && { description: wire.description }),
      ...(wire.parameters !== undefined && { parameters: toParameters(wire.parameters) ?? [] }),
      ...(wire['vcs-root-entries'] !== undefined && { vcsRoots: toVcsRoots(wire['vcs-root-entries']) }),
    };
  };

/** An id that could not be sent back to TeamCity (in a locator) is not one TeamCity sends. */
const validBuildType = buildTypeWireSchema.refine((wire) => isValidBuildTypeId(wire.id), { message: 'not a build configuration id' });

export const buildTypeDecoder = (links: LinkContext) => validBuildType.transform(toBuildType(links));

/**
 * TeamCity 8 sends no `state`. Its queued builds live under /buildQueue/, running ones say `running: true`,
 * and its build lists hold finished builds unless asked otherwise.
 */
function inferState(wire: BuildWire): TeamCityBuildState {
  if (wire.state === 'queued' || wire.state === 'running' || wire.state === 'finished') return wire.state;
  if (wire.href?.includes('/buildQueue/')) return 'queued';
  if (wire.running === true) return 'running';
  return 'finished';
}

/**
 * `links.buildTypeId` is the configuration the request was about, for a build whose answer leaves it out (a
 * narrower `fields=`); empty when neither says.
 */
export type BuildContext = LinkContext & { buildTypeId?: string };

function toBuild(wire: BuildWire, links: BuildContext): TeamCityBuild {
  const buildTypeId = wire.buildTypeId ?? wire.buildType?.id ?? links.buildTypeId ?? '';
  const state = inferState(wire);
  const dates = {
    queuedDate: teamCityDateToIso(wire.queuedDate),
    startDate: teamCityDateToIso(wire.startDate),
    finishDate: teamCityDateToIso(wire.finishDate),
  };
  const percentage = wire.percentageComplete ?? wire['running-info']?.percentageComplete;
  const build: TeamCityBuild = {
    id: wire.id,
    state,
    webUrl: buildLink(links, wire.id, state === 'queued', buildTypeId, wire.webUrl),
    buildTypeId,
    ...(wire.number !== undefined && { number: wire.number }),
    ...(wire.status !== undefined && { status: wire.status }),
    ...(wire.statusText !== undefined && { statusText: wire.statusText }),
    ...(percentage !== undefined && { percentageComplete: percentage }),
    ...(wire.branchName !== undefined && { branchName: wire.branchName }),
    ...(wire.defaultBranch !== undefined && { defaultBranch: wire.defaultBranch }),
    ...(wire.buildType?.name !== undefined && { buildTypeName: wire.buildType.name }),
    ...(wire.buildType?.projectName !== undefined && { projectName: wire.buildType.projectName }),
    ...(wire.personal !== undefined && { personal: wire.personal }),
    ...(wire.queuePosition !== undefined && { queuePosition: wire.queuePosition }),
    ...(wire.waitReason !== undefined && { waitReason: wire.waitReason }),
    ...Object.fromEntries(Object.entries(dates).filter(([, v]) => v !== undefined)),
  };
  if (wire.triggered) {
    const user = toUserRef(wire.triggered.user);
    const date = teamCityDateToIso(wire.triggered.date);
    build.triggeredBy = {
      ...(wire.triggered.type !== undefined && { type: wire.triggered.type }),
      ...(date !== undefined && { date }),
      ...(wire.triggered.displayText !== undefined && { displayText: wire.triggered.displayText }),
      ...(user !== undefined && { user }),
    };
  }
  if (wire.canceledInfo) {
    const user = toUserRef(wire.canceledInfo.user);
    const date = teamCityDateToIso(wire.canceledInfo.timestamp);
    build.canceled = {
      ...(date !== undefined && { date }),
      ...(wire.canceledInfo.text !== undefined && { comment: wire.canceledInfo.text }),
      ...(user !== undefined && { user }),
    };
  }
  const properties = toProperties(wire.properties);
  if (properties !== undefined) build.properties = properties;
  const revision = wire.revisions?.revision?.[0]?.version;
  if (revision !== undefined && /^[0-9a-f]{7,64}$/i.test(revision)) build.revision = revision.toLowerCase();
  const approval = toApproval(wire.approvalInfo, teamCityDateToIso);
  if (approval !== undefined) build.approval = approval;
  return build;
}

export const buildDecoder = (links: BuildContext) => buildWireSchema.transform((wire) => toBuild(wire, links));

function toBuildItem(raw: unknown, links: BuildContext): TeamCityBuild | undefined {
  const parsed = buildWireSchema.safeParse(raw);
  return parsed.success ? toBuild(parsed.data, links) : undefined;
}

export const buildListDecoder = (links: BuildContext, limit: number) =>
  buildsWireSchema.transform((wire): BuildList => {
    const { items, skipped } = itemsOf(wire, limit, (raw) => toBuildItem(raw, links));
    return { items, skipped };
  });

/**
 * TeamCity pages by `start`/`count` and only says whether more exists (`nextHref`); `count` is the size of this
 * page. We read the next start from nextHref (locator `start:N` or query `start=N`) and fall back to counting.
 */
export function nextStartFrom(nextHref: string | undefined, start: number, itemsOnPage: number): number | null {
  if (nextHref === undefined) return null;
  let decoded = nextHref;
  try {
    decoded = decodeURIComponent(nextHref);
  } catch {
    // A malformed escape only costs us the precise value; the fallback below still pages forward.
  }
  const found = /[?&,(]start[:=](\d+)/.exec(decoded);
  return found ? Number(found[1]) : start + itemsOnPage;
}

export function buildTypePageDecoder(links: LinkContext, start: number, limit: number) {
  const decode = toBuildType(links);
  return buildTypesWireSchema.transform((wire): BuildTypePage => {
    const { items, skipped, truncated } = itemsOf(wire, limit, (raw) => {
      const parsed = validBuildType.safeParse(raw);
      return parsed.success ? decode(parsed.data) : undefined;
    });
    const taken = items.length + skipped;
    // A server that sent more than asked for has told us nothing reliable about paging; go on after what was taken.
    const nextStart = truncated ? start + taken : nextStartFrom(wire.nextHref, start, taken);
    return { items, count: items.length, nextStart, skipped, truncated };
  });
}

export const approvalDecoder = approvalWireSchema.transform((wire, ctx) => {
  const approval = toApproval(wire, teamCityDateToIso);
  if (approval) return approval;
  ctx.issues.push({ code: 'custom', message: 'approvalInfo without a known status', input: wire });
  return z.NEVER;
});
