/**
 * `fields=` selections: TeamCity renders only these, which keeps responses small (a full build or build
 * configuration is tens of kilobytes). They name exactly what teamcity-schemas.ts reads. List fields must name
 * `count` and `nextHref` themselves, or paging information is left out.
 */
import { APPROVAL_FIELDS } from './teamcity-approval';

export const SERVER_FIELDS = 'version,versionMajor,versionMinor,buildNumber,webUrl';

export const USER_FIELDS = 'id,username,name,email';

/** Never `value`: TeamCity shows a token's value only once, at creation, and we do not want it anyway. */
export const TOKEN_LIST_FIELDS = 'count,token(name,creationTime,expirationTime)';

const BUILD_TYPE_SUMMARY = 'id,name,projectId,projectName,webUrl,paused';

export const BUILD_TYPE_PAGE_FIELDS = `count,nextHref,buildType(${BUILD_TYPE_SUMMARY})`;

/**
 * The VCS roots' settings say whether the configuration builds tags (a `+:refs/tags/…` branch specification with
 * "Use tags as branches"). TeamCity leaves `properties` out, without an error, for a user who may not view the
 * configuration's settings (VcsRoot.shouldRestrictSettingsViewing in JetBrains/teamcity-rest).
 */
const VCS_ROOT_SETTINGS = 'vcs-root-entries(vcs-root-entry(vcs-root(id,vcsName,properties(property(name,value)))))';

export const BUILD_TYPE_FIELDS = `${BUILD_TYPE_SUMMARY},description,project(id,name),parameters(property(name,value,inherited,type(rawValue))),${VCS_ROOT_SETTINGS}`;

const USER_REF = 'user(id,username,name)';

export const BUILD_FIELDS = [
  'id,buildTypeId,number,status,state,running,personal,percentageComplete,branchName,defaultBranch',
  'href,webUrl,statusText,queuePosition,waitReason,queuedDate,startDate,finishDate',
  'buildType(id,name,projectId,projectName)',
  'running-info(percentageComplete)',
  `triggered(type,date,displayText,${USER_REF})`,
  `canceledInfo(timestamp,text,${USER_REF})`,
  'properties(property(name,value))',
  'revisions(revision(version))',
  APPROVAL_FIELDS,
].join(',');

export const BUILD_LIST_FIELDS = `count,nextHref,build(${BUILD_FIELDS})`;
