/**
 * Round trips of waiting, from the TeamCity simulator's request log: each request has the time it arrived and
 * the time its answer left. A request that arrived before another one's answer left went out together with it;
 * one that arrived after had to wait for it. The round trips are the longest chain of such waits.
 */
import type { RequestLogEntry } from '../local/teamcity-simulator';

export type TimedRequest = Pick<RequestLogEntry, 'at' | 'answeredAt'>;

/** Longest chain of requests where each arrived only after the previous one was answered. */
export function roundTrips(requests: TimedRequest[]): number {
  const byArrival = [...requests].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  for (const [i, request] of byArrival.entries()) {
    let deepest = 0;
    for (let j = 0; j < i; j++) {
      const answeredAt = byArrival[j]!.answeredAt;
      // The clock has millisecond steps: an answer and the next request on loopback can share one.
      if (answeredAt !== undefined && answeredAt <= request.at) deepest = Math.max(deepest, depth[j]!);
    }
    depth.push(deepest + 1);
  }
  return Math.max(0, ...depth);
}
