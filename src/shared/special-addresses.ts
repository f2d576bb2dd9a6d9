/**
 * Which hosts a TeamCity server address may name. Forge runs in Atlassian's cloud, so an address that is not a
 * public unicast address (or a name in the public DNS) is either unreachable or, worse, someone else's internal
 * service (the cloud's metadata endpoint, a neighbour on the same network). Literal addresses are classified with
 * ipaddr.js, whose ranges follow the IANA IPv4 and IPv6 Special-Purpose Address Registries; IPv6 forms that
 * carry an IPv4 address are judged by that address. Names are not resolved here: see the README (Security).
 *
 * Works on `URL.hostname` as the WHATWG URL parser gives it, in the browser and in Node alike: IPv4 in any
 * notation (2130706433, 0x7f.1, 0177.0.0.1, 127.1) already rewritten to dotted decimal, IPv6 in brackets and
 * compressed, names lowercased and in punycode.
 */
import ipaddr from 'ipaddr.js';

/**
 * `public`: may be a TeamCity server on the internet. `local`: loopback, private, link-local, shared (CGNAT),
 * unique-local or site-local, the unspecified address, and names for such networks. `reserved`: documentation,
 * benchmarking, future use and the other special-purpose ranges, and names that never resolve. `multicast`:
 * multicast and broadcast, which are never one server.
 */
export type HostClass = 'public' | 'local' | 'reserved' | 'multicast';

export type HostVerdict = {
  class: HostClass;
  /** A literal address (IPv4, or IPv6 in brackets), as opposed to a name. */
  literal: boolean;
  /** The loopback interface itself: 127.0.0.0/8, [::1] and `localhost`, which the local host may use. */
  loopback: boolean;
  /** An IPv6 address that stands for this IPv4 address (mapped, compatible, translated, NAT64, 6to4). */
  embeddedIPv4?: string;
  /** A name of one label ("teamcity", "https"), which the public DNS never answers for a server. */
  singleLabel?: boolean;
};

/**
 * Special-use names: RFC 6761 (localhost, test, invalid, example), RFC 6762 (local), RFC 8375 (home.arpa),
 * RFC 7686 (onion), RFC 9476 (alt), ICANN's private-use `internal` (2024) and the common `localdomain`.
 */
const LOCAL_NAMES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa'];
const RESERVED_NAMES = ['test', 'invalid', 'example', 'onion', 'alt'];

const IPV4_CLASSES: Record<string, HostClass> = {
  unicast: 'public',
  unspecified: 'local',
  loopback: 'local',
  private: 'local',
  linkLocal: 'local',
  carrierGradeNat: 'local',
  multicast: 'multicast',
  broadcast: 'multicast',
};

const IPV6_CLASSES: Record<string, HostClass> = {
  unicast: 'public',
  unspecified: 'local',
  loopback: 'local',
  linkLocal: 'local',
  uniqueLocal: 'local',
  deprecatedSiteLocal: 'local',
  multicast: 'multicast',
};

/** Global unicast (RFC 4291 2.4): everything else in IPv6 is reserved by the IETF or one of the ranges above. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

const ipv4Of = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 address an IPv6 address carries, for every form that makes a host reach an IPv4 address. */
function embeddedIPv4(address: ipaddr.IPv6): string | undefined {
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = address.parts;
  const range: string = address.range();
  // ::ffff:0:0/96 (mapped), ::ffff:0:0:0/96 (SIIT, RFC 6145), 64:ff9b::/96 (NAT64, RFC 6052).
  if (range === 'ipv4Mapped' || range === 'rfc6145' || (p0 === 0x64 && p1 === 0xff9b && p2 === 0)) return ipv4Of(p6, p7);
  // 2002::/16 (6to4, RFC 3056) carries it in the second and third groups.
  if (range === '6to4') return ipv4Of(p1, p2);
  // ::/96 (IPv4-compatible, RFC 4291 2.5.5.1, deprecated); :: and ::1 are classified as themselves.
  if (p0 + p1 + p2 + p3 + p4 + p5 === 0 && (p6 !== 0 || p7 > 1)) return ipv4Of(p6, p7);
  return undefined;
}

function classifyIPv4(host: string): HostVerdict {
  const address = ipaddr.IPv4.parse(host);
  const range: string = address.range();
  return { class: IPV4_CLASSES[range] ?? 'reserved', literal: true, loopback: range === 'loopback' };
}

function classifyIPv6(host: string): HostVerdict {
  const address = ipaddr.IPv6.parse(host);
  const v4 = embeddedIPv4(address);
  if (v4 !== undefined) return { ...classifyIPv4(v4), loopback: false, embeddedIPv4: v4 };
  const range: string = address.range();
  let hostClass = IPV6_CLASSES[range] ?? 'reserved';
  // Teredo, ORCHID, documentation and the like are in 2000::/3 but not unicast; the rest of ::/0 is unassigned.
  if (hostClass === 'public' && !address.match(GLOBAL_UNICAST)) hostClass = 'reserved';
  return { class: hostClass, literal: true, loopback: range === 'loopback' };
}

const underName = (name: string, suffixes: readonly string[]) => suffixes.some((s) => name === s || name.endsWith(`.${s}`));

function classifyName(name: string): HostVerdict {
  const loopback = name === 'localhost';
  if (underName(name, LOCAL_NAMES)) return { class: 'local', literal: false, loopback };
  if (underName(name, RESERVED_NAMES)) return { class: 'reserved', literal: false, loopback };
  if (!name.includes('.')) return { class: 'local', literal: false, loopback, singleLabel: true };
  return { class: 'public', literal: false, loopback };
}

/** `hostname` as URL gives it; one trailing dot (an absolute DNS name) is ignored. */
export function classifyHost(hostname: string): HostVerdict {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']') && ipaddr.IPv6.isValid(host.slice(1, -1))) return classifyIPv6(host.slice(1, -1));
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return classifyIPv4(host);
  return classifyName(host);
}
