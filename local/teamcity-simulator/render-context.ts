import type { SimUser } from './entities';
import type { SimulatorData } from './data';
import type { SimulatorVersion } from './types';

/** What every representation needs: absolute root for webUrl, the request's REST prefix for href. */
export type RenderContext = {
  rootUrl: string;
  /** e.g. /app/rest, /httpAuth/app/rest, /app/rest/latest: hrefs repeat the prefix of the request. */
  prefix: string;
  data: SimulatorData;
  version: SimulatorVersion;
  now: number;
  /** Who asked: what TeamCity renders can depend on it (e.g. whether they may approve a build). */
  user?: SimUser;
};

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };
