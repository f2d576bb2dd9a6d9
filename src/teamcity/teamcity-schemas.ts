/**
 * TeamCity's JSON wire format, taken from the Swagger definitions (swagger.json, TeamCity 2018.1) and held to
 * the recorded responses in shared/teamcity/fixtures. Only the fields the app uses are listed; zod drops the
 * rest, so new server fields never break parsing. Everything TeamCity may leave out is optional: TeamCity 8
 * omits `count` and `state`, and `fields=` requests leave out whatever was not asked for.
 */
import { z } from 'zod';
import { approvalWireSchema } from './teamcity-approval';

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
  buildNumber: z.string().optional(),
  webUrl: z.string().optional(),
});

/** definitions.user; `id` is a JSON number (the built-in super user is -42). */
export const userWireSchema = z.object({
  id: z.number().int().optional(),
  username: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
});

/**
 * The access token list (GET /app/rest/users/{user}/tokens, TeamCity 2019.1+; not in the 2018.1 spec). The
 * dates are java.util.Date attributes written as xsd:dateTime, e.g. "2024-08-21T14:08:12.588Z";
 * `expirationTime` is left out for a token that never expires.
 */
export const tokensWireSchema = z.object({
  count: z.number().int().optional(),
  token: z
    .array(
      z.object({
        name: z.string(),
        creationTime: z.string().optional(),
        expirationTime: z.string().optional(),
      }),
    )
    .optional(),
});

/** definitions.property; TeamCity 8 sends settings with no `value` at all. */
export const propertyWireSchema = z.object({
  name: z.string(),
  value: z.string().optional(),
  inherited: z.boolean().optional(),
  type: z.object({ rawValue: z.string().optional() }).optional(),
});

/** definitions.properties */
export const propertiesWireSchema = z.object({
  count: z.number().int().optional(),
  property: z.array(propertyWireSchema).optional(),
});

/** definitions.project (only what a build configuration embeds). */
export const projectRefWireSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
});

/** definitions.buildType */
export const buildTypeWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  projectId: z.string().optional(),
  projectName: z.string().optional(),
  webUrl: z.string().optional(),
  href: z.string().optional(),
  paused: z.boolean().optional(),
  description: z.string().optional(),
  project: projectRefWireSchema.optional(),
  parameters: propertiesWireSchema.optional(),
});

/** definitions.buildTypes; a TeamCity 8 list has no `count`. */
export const buildTypesWireSchema = z.object({
  count: z.number().int().optional(),
  nextHref: z.string().optional(),
  buildType: z.array(buildTypeWireSchema).optional(),
});

/** definitions.TriggeredBy */
export const triggeredWireSchema = z.object({
  type: z.string().optional(),
  date: z.string().optional(),
  displayText: z.string().optional(),
  user: userWireSchema.optional(),
});

/** definitions.comment (used for canceledInfo) */
export const commentWireSchema = z.object({
  timestamp: z.string().optional(),
  text: z.string().optional(),
  user: userWireSchema.optional(),
});

/** definitions.build */
export const buildWireSchema = z.object({
  id: z.number().int(),
  buildTypeId: z.string().optional(),
  number: z.string().optional(),
  status: z.string().optional(),
  state: z.string().optional(),
  running: z.boolean().optional(),
  personal: z.boolean().optional(),
  percentageComplete: z.number().optional(),
  branchName: z.string().optional(),
  defaultBranch: z.boolean().optional(),
  href: z.string().optional(),
  webUrl: z.string(),
  statusText: z.string().optional(),
  queuePosition: z.number().int().optional(),
  waitReason: z.string().optional(),
  queuedDate: z.string().optional(),
  startDate: z.string().optional(),
  finishDate: z.string().optional(),
  buildType: buildTypeWireSchema.partial({ name: true }).optional(),
  'running-info': z.object({ percentageComplete: z.number().optional() }).optional(),
  triggered: triggeredWireSchema.optional(),
  canceledInfo: commentWireSchema.optional(),
  properties: propertiesWireSchema.optional(),
  approvalInfo: approvalWireSchema.optional(),
});

/** definitions.builds (also what /app/rest/buildQueue lists) */
export const buildsWireSchema = z.object({
  count: z.number().int().optional(),
  nextHref: z.string().optional(),
  build: z.array(buildWireSchema).optional(),
});

export type ServerWire = z.infer<typeof serverWireSchema>;
export type UserWire = z.infer<typeof userWireSchema>;
export type PropertiesWire = z.infer<typeof propertiesWireSchema>;
export type BuildTypeWire = z.infer<typeof buildTypeWireSchema>;
export type BuildTypesWire = z.infer<typeof buildTypesWireSchema>;
export type BuildWire = z.infer<typeof buildWireSchema>;
export type BuildsWire = z.infer<typeof buildsWireSchema>;
