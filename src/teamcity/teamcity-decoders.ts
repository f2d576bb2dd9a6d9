/**
 * Wire schemas piped into the app's types. Each decoder is a zod schema from unknown JSON to our type, so the
 * HTTP layer has one `safeParse` for every endpoint and a body that is not what TeamCity sends fails there.
 */
import { z } from 'zod';
import { approvalWireSchema, toApproval } from './teamcity-approval';
import { teamCityDateToIso } from './teamcity-date';
import {
  buildTypeWireSchema,
  buildTypesWireSchema,
  buildWireSchema,
  buildsWireSchema,
  serverWireSchema,
  tokensWireSchema,
  userWireSchema,
  type BuildTypeWire,
  type BuildWire,
  type PropertiesWire,
  type UserWire,
} from './teamcity-schemas';
import type {
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

export const accessTokensDecoder = tokensWireSchema.transform((wire): TeamCityAccessToken[] =>
  (wire.token ?? []).map((t) => {
    const createdAt = teamCityDateToIso(t.creationTime);
    const expiresAt = teamCityDateToIso(t.expirationTime);
    return { name: t.name, ...(createdAt !== undefined && { createdAt }), ...(expiresAt !== undefined && { expiresAt }) };
  }),
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

function toBuildType(wire: BuildTypeWire): TeamCityBuildType {
  return {
    id: wire.id,
    name: wire.name,
    projectId: wire.projectId ?? wire.project?.id ?? '',
    projectName: wire.projectName ?? wire.project?.name ?? '',
    webUrl: wire.webUrl ?? '',
    ...(wire.paused !== undefined && { paused: wire.paused }),
    ...(wire.description !== undefined && { description: wire.description }),
    ...(wire.parameters !== undefined && { parameters: toParameters(wire.parameters) ?? [] }),
  };
}

export const buildTypeDecoder = buildTypeWireSchema.transform(toBuildType);

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

function toBuild(wire: BuildWire): TeamCityBuild | undefined {
  const buildTypeId = wire.buildTypeId ?? wire.buildType?.id;
  if (buildTypeId === undefined) return undefined;
  const dates = {
    queuedDate: teamCityDateToIso(wire.queuedDate),
    startDate: teamCityDateToIso(wire.startDate),
    finishDate: teamCityDateToIso(wire.finishDate),
  };
  const percentage = wire.percentageComplete ?? wire['running-info']?.percentageComplete;
  const build: TeamCityBuild = {
    id: wire.id,
    state: inferState(wire),
    webUrl: wire.webUrl,
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
  const approval = toApproval(wire.approvalInfo, teamCityDateToIso);
  if (approval !== undefined) build.approval = approval;
  return build;
}

function requireBuild(wire: BuildWire, ctx: z.RefinementCtx): TeamCityBuild {
  const build = toBuild(wire);
  if (build) return build;
  ctx.issues.push({ code: 'custom', message: `build ${wire.id} names no build configuration`, input: wire });
  return z.NEVER;
}

export const buildDecoder = buildWireSchema.transform(requireBuild);

export const buildListDecoder = buildsWireSchema.transform((wire, ctx): TeamCityBuild[] =>
  (wire.build ?? []).map((b) => requireBuild(b, ctx)),
);

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

export function buildTypePageDecoder(start: number) {
  return buildTypesWireSchema.transform((wire): BuildTypePage => {
    const items = (wire.buildType ?? []).map(toBuildType);
    return { items, count: items.length, nextStart: nextStartFrom(wire.nextHref, start, items.length) };
  });
}

export const approvalDecoder = approvalWireSchema.transform((wire, ctx) => {
  const approval = toApproval(wire, teamCityDateToIso);
  if (approval) return approval;
  ctx.issues.push({ code: 'custom', message: 'approvalInfo without a known status', input: wire });
  return z.NEVER;
});
