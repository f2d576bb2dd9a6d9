/**
 * TeamCity's JSON wire format, taken from the Swagger definitions (swagger.json, TeamCity 2018.1) and held to
 * the recorded responses in test/fixtures/teamcity/fixtures. Only the fields the app uses are listed; zod drops the
 * rest, so new server fields never break parsing. Everything TeamCity may leave out is optional: TeamCity 8
 * omits `count` and `state`, and `fields=` requests leave out whatever was not asked for.
 *
 * Every string has already been scrubbed of the token and cut to 64 KiB (teamcity-redact.ts); `text(n)` cuts
 * the ones people see or the app stores to what a real TeamCity sends, so a 300 KB user name cannot reach a
 * table or a storage record. Ids are never cut (a shortened id names something else): an overlong one fails.
 */
import { z } from 'zod';
import { approvalWireSchema } from './teamcity-approval';
import { bound } from './teamcity-redact';

const text = (max: number) => z.string().transform((s) => bound(s, max));
const NAME = 256;
const LINE = 1024;
const LONG = 4096;
const URL = 2048;
const ID = z.string().max(256);

/** definitions.server */
export const serverWireSchema = z.object({
  // Shown to users and stored with the token: a real one reads "2025.11 (build 197398)"; anything long or with
  // control characters did not come from TeamCity.
  version: z
    .string()
    .max(100)
    // eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
    .regex(/^[^\u0000-\u001f\u007f]*$/),
  versionMajor: z.number().int().optional(),
  versionMinor: z.number().int().optional(),
  buildNumber: text(NAME).optional(),
  webUrl: text(URL).optional(),
});

/** definitions.user; `id` is a JSON number (the built-in super user is -42). */
export const userWireSchema = z.object({
  id: z.number().int().optional(),
  username: text(NAME).optional(),
  name: text(NAME).optional(),
  email: text(NAME).optional(),
});

/**
 * The access token list (GET /app/rest/users/{user}/tokens, TeamCity 2019.1+; not in the 2018.1 spec). The
 * dates are java.util.Date attributes written as xsd:dateTime, e.g. "2024-08-21T14:08:12.588Z";
 * `expirationTime` is left out for a token that never expires.
 */
export const tokenWireSchema = z.object({
  name: text(NAME),
  creationTime: z.string().max(64).optional(),
  expirationTime: z.string().max(64).optional(),
});

/**
 * A list's own members: `count` (TeamCity 8 leaves it out), `href`, `nextHref` and the item array, whose items
 * are decoded one by one (teamcity-decoders.ts) so one bad item does not lose the others. A 200 object with none
 * of them is not a list at all.
 */
export type ListWire = { count?: number; nextHref?: string; items: unknown[] };

export const listWireSchema = (items: string) =>
  z
    .looseObject({ count: z.number().int().optional(), href: z.string().optional(), nextHref: z.string().optional() })
    .transform((list, ctx): ListWire => {
      const raw = (list as Record<string, unknown>)[items];
      if ((raw !== undefined && !Array.isArray(raw)) || (raw === undefined && list.count === undefined && list.href === undefined)) {
        ctx.issues.push({ code: 'custom', message: `not a TeamCity list of ${items}`, input: list });
        return z.NEVER;
      }
      return {
        ...(list.count !== undefined && { count: list.count }),
        ...(list.nextHref !== undefined && { nextHref: list.nextHref }),
        items: (raw as unknown[] | undefined) ?? [],
      };
    });

export const tokensWireSchema = listWireSchema('token');

/** definitions.property; TeamCity 8 sends settings with no `value` at all. */
export const propertyWireSchema = z.object({
  name: text(LINE),
  value: z.string().optional(),
  inherited: z.boolean().optional(),
  type: z.object({ rawValue: text(LONG).optional() }).optional(),
});

/** definitions.properties */
export const propertiesWireSchema = z.object({
  count: z.number().int().optional(),
  property: z.array(propertyWireSchema).max(1000).optional(),
});

/** definitions.project (only what a build configuration embeds). */
export const projectRefWireSchema = z.object({
  id: ID,
  name: text(NAME).optional(),
});

/** Far more VCS roots than a configuration has; beyond these, roots are not read (the run itself does not need them). */
const MAX_VCS_ROOTS = 100;

const vcsRootEntryWireSchema = z.object({
  'vcs-root': z.object({ id: ID, vcsName: text(NAME).optional(), properties: propertiesWireSchema.optional() }).optional(),
});

/** definitions.vcs-root-entries, as BUILD_TYPE_FIELDS asks for them; a malformed entry is left out, not fatal. */
export const vcsRootEntriesWireSchema = z.object({
  'vcs-root-entry': z
    .array(z.unknown())
    .transform((entries) =>
      entries.slice(0, MAX_VCS_ROOTS).flatMap((entry) => {
        const parsed = vcsRootEntryWireSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }),
    )
    .optional(),
});

/** definitions.buildType */
export const buildTypeWireSchema = z.object({
  id: ID,
  name: text(NAME),
  projectId: ID.optional(),
  projectName: text(NAME).optional(),
  webUrl: text(URL).optional(),
  href: text(URL).optional(),
  paused: z.boolean().optional(),
  description: text(LONG).optional(),
  project: projectRefWireSchema.optional(),
  parameters: propertiesWireSchema.optional(),
  'vcs-root-entries': vcsRootEntriesWireSchema.optional(),
});

/** definitions.buildTypes; a TeamCity 8 list has no `count`. */
export const buildTypesWireSchema = listWireSchema('buildType');

/** definitions.TriggeredBy */
export const triggeredWireSchema = z.object({
  type: text(NAME).optional(),
  date: z.string().max(64).optional(),
  displayText: text(LINE).optional(),
  user: userWireSchema.optional(),
});

/** definitions.comment (used for canceledInfo) */
export const commentWireSchema = z.object({
  timestamp: z.string().max(64).optional(),
  text: text(LONG).optional(),
  user: userWireSchema.optional(),
});

/** definitions.build */
export const buildWireSchema = z.object({
  id: z.number().int(),
  buildTypeId: ID.optional(),
  number: text(NAME).optional(),
  status: z.string().max(64).optional(),
  state: z.string().max(64).optional(),
  running: z.boolean().optional(),
  personal: z.boolean().optional(),
  percentageComplete: z.number().optional(),
  branchName: text(LINE).optional(),
  defaultBranch: z.boolean().optional(),
  href: text(URL).optional(),
  // TeamCity leaves webUrl out under a narrower `fields=`; the link is then built from the server URL.
  webUrl: text(URL).optional(),
  statusText: text(LONG).optional(),
  queuePosition: z.number().int().optional(),
  waitReason: text(LINE).optional(),
  queuedDate: z.string().max(64).optional(),
  startDate: z.string().max(64).optional(),
  finishDate: z.string().max(64).optional(),
  buildType: buildTypeWireSchema.partial({ name: true }).optional(),
  'running-info': z.object({ percentageComplete: z.number().optional() }).optional(),
  triggered: triggeredWireSchema.optional(),
  canceledInfo: commentWireSchema.optional(),
  properties: propertiesWireSchema.optional(),
  approvalInfo: approvalWireSchema.optional(),
  revisions: z.object({ revision: z.array(z.object({ version: z.string().max(256).optional() })).optional() }).optional(),
});

/** definitions.builds (also what /app/rest/buildQueue lists) */
export const buildsWireSchema = listWireSchema('build');

export type ServerWire = z.infer<typeof serverWireSchema>;
export type UserWire = z.infer<typeof userWireSchema>;
export type PropertiesWire = z.infer<typeof propertiesWireSchema>;
export type BuildTypeWire = z.infer<typeof buildTypeWireSchema>;
export type BuildWire = z.infer<typeof buildWireSchema>;
