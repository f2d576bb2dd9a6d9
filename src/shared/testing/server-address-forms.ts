/**
 * Every way of writing a server address that must be refused, for the unit test of normalizeServerUrl and for
 * the bad-input suite, which sends each one through the real addToken resolver. `PORT` stands for a loopback
 * port: the suite puts the TeamCity simulator's there, so an address wrongly accepted shows up as a request.
 * The ranges are the IANA IPv4 and IPv6 Special-Purpose Address Registries and RFC 6761's special-use names.
 */
export type RefusedAddress = { form: string; why: string; message: RegExp };

const RESERVED = /is in an address range reserved for special purposes/;
const MULTICAST = /is a multicast or broadcast address/;
const SPECIAL_NAME = /is a special-use name that never leads to a server on the internet/;
const HOST_NAME = /^The host name may only contain letters, digits and "-"/;
const PORT_RANGE = /^The port must be a number from 1 to 65535\.$/;
const stands = (v4: string) => new RegExp(`stands for ${v4.replace(/\./g, '\\.')}, a private or local address`);
const local = (host: string) => new RegExp(`^${host.replace(/[.[\]]/g, '\\$&')} is a private or local address`);
const notFull = (host: string) => new RegExp(`^"${host}" isn't a full host name`);

const forms = (why: string, message: RegExp, list: string[]): RefusedAddress[] => list.map((form) => ({ form, why, message }));

/** Refused by the deployed app (allowHttpLoopback off). */
export const REFUSED_DEPLOYED: RefusedAddress[] = [
  // IPv4 loopback in the notations the WHATWG URL parser rewrites to 127.0.0.1.
  ...forms('loopback, decimal', local('127.0.0.1'), ['https://2130706433:PORT', 'http://2130706433:PORT']),
  ...forms('loopback, hex', local('127.0.0.1'), ['https://0x7f.1:PORT', 'https://0x7f000001:PORT', 'https://0x7F.0x0.0x0.0x1']),
  ...forms('loopback, octal', local('127.0.0.1'), ['https://0177.0.0.1:PORT', 'https://017700000001']),
  ...forms('loopback, short', local('127.0.0.1'), ['https://127.1:PORT', 'https://127.0.1']),
  ...forms('loopback, trailing dot', local('127.0.0.1'), ['https://127.0.0.1.:PORT']),
  ...forms('loopback', local('127.0.0.1'), ['https://127.0.0.1:PORT', 'http://127.0.0.1:PORT']),
  ...forms('loopback /8', local('127.255.255.254'), ['https://127.255.255.254']),
  ...forms('loopback, no scheme', local('localhost'), ['localhost:PORT', 'LOCALHOST:PORT']),
  ...forms('loopback, scheme-relative', local('127.0.0.1'), ['//127.0.0.1:PORT']),
  ...forms('localhost, trailing dot', local('localhost'), ['https://localhost.:PORT', 'http://localhost.:PORT']),
  // Special-use names for local networks.
  ...forms('localhost.localdomain', local('localhost.localdomain'), ['https://localhost.localdomain:PORT']),
  ...forms('*.localhost', local('tc.localhost'), ['https://tc.localhost:PORT']),
  ...forms('*.local (mDNS)', local('teamcity.local'), ['https://teamcity.local']),
  ...forms('*.internal', local('metadata.google.internal'), ['https://metadata.google.internal']),
  ...forms('*.internal', local('ip-10-0-0-1.ec2.internal'), ['https://ip-10-0-0-1.ec2.internal']),
  ...forms('*.localdomain', local('ci.localdomain'), ['https://ci.localdomain']),
  ...forms('*.home.arpa', local('nas.home.arpa'), ['https://nas.home.arpa']),
  // IPv4 private, link-local, shared and "this network".
  ...forms('10/8', local('10.1.2.3'), ['https://10.1.2.3', 'https://10.1.2.3.', 'https://167838211']),
  ...forms('172.16/12', local('172.16.0.1'), ['https://172.16.0.1']),
  ...forms('172.16/12', local('172.31.255.255'), ['https://172.31.255.255']),
  ...forms('192.168/16', local('192.168.1.10'), ['https://192.168.1.10', 'https://3232235786']),
  ...forms('link-local, cloud metadata', local('169.254.169.254'), ['https://169.254.169.254', 'https://0xa9fea9fe']),
  ...forms('shared address space 100.64/10', local('100.64.0.1'), ['https://100.64.0.1']),
  ...forms('shared address space 100.64/10', local('100.100.100.200'), ['https://100.100.100.200']),
  ...forms('this network 0/8', local('0.0.0.0'), ['https://0.0.0.0:PORT', 'https://0:PORT']),
  ...forms('this network 0/8', local('0.1.2.3'), ['https://0.1.2.3']),
  // IPv4 special purpose.
  ...forms('IETF protocol assignments 192.0.0/24', RESERVED, ['https://192.0.0.1', 'https://192.0.0.170']),
  ...forms('documentation', RESERVED, ['https://192.0.2.1', 'https://198.51.100.7', 'https://203.0.113.9']),
  ...forms('benchmarking 198.18/15', RESERVED, ['https://198.18.0.1', 'https://198.19.255.254']),
  ...forms('6to4 relay anycast', RESERVED, ['https://192.88.99.1']),
  ...forms('AS112 and AMT', RESERVED, ['https://192.31.196.1', 'https://192.175.48.1', 'https://192.52.193.1']),
  ...forms('reserved 240/4', RESERVED, ['https://240.0.0.1', 'https://255.255.255.254']),
  ...forms('multicast 224/4', MULTICAST, ['https://224.0.0.1', 'https://239.255.255.250']),
  ...forms('limited broadcast', MULTICAST, ['https://255.255.255.255', 'https://4294967295']),
  // IPv6 local.
  ...forms('IPv6 loopback', local('[::1]'), ['https://[::1]:PORT', 'https://[0:0:0:0:0:0:0:1]:PORT']),
  ...forms('IPv6 unspecified', local('[::]'), ['https://[::]:PORT']),
  ...forms('unique local fc00::/7', local('[fd00:ec2::254]'), ['https://[fd00:ec2::254]']),
  ...forms('unique local fc00::/7', local('[fc00::1]'), ['https://[fc00::1]']),
  ...forms('link-local fe80::/10', local('[fe80::1]'), ['https://[fe80::1]']),
  ...forms('link-local fe80::/10', local('[febf::1]'), ['https://[febf::1]']),
  ...forms('site-local fec0::/10', local('[fec0::1]'), ['https://[fec0::1]']),
  // IPv6 forms that carry an IPv4 address.
  ...forms('IPv4-compatible', stands('127.0.0.1'), ['https://[::127.0.0.1]:PORT', 'https://[::7f00:1]:PORT']),
  ...forms('IPv4-mapped', stands('127.0.0.1'), ['https://[::ffff:127.0.0.1]:PORT', 'https://[::ffff:7f00:1]:PORT']),
  ...forms('IPv4-mapped', stands('10.0.0.1'), ['https://[::ffff:10.0.0.1]']),
  ...forms('IPv4-mapped', stands('169.254.169.254'), ['https://[::ffff:169.254.169.254]']),
  ...forms('IPv4-translated (SIIT)', stands('127.0.0.1'), ['https://[::ffff:0:127.0.0.1]:PORT']),
  ...forms('NAT64 64:ff9b::/96', stands('127.0.0.1'), ['https://[64:ff9b::127.0.0.1]:PORT', 'https://[64:ff9b::7f00:1]:PORT']),
  ...forms('NAT64 64:ff9b::/96', stands('192.168.0.1'), ['https://[64:ff9b::c0a8:1]']),
  ...forms('6to4 2002::/16', stands('127.0.0.1'), ['https://[2002:7f00:1::]:PORT', 'https://[2002:7f00:1::1]:PORT']),
  ...forms('6to4 2002::/16', stands('169.254.169.254'), ['https://[2002:a9fe:a9fe::]']),
  ...forms('IPv4 written as IPv6', /stands for the IPv4 address 8\.8\.8\.8: enter 8\.8\.8\.8 instead\.$/, [
    'https://[::ffff:8.8.8.8]',
    'https://[64:ff9b::808:808]',
    'https://[2002:808:808::1]',
  ]),
  // IPv6 special purpose.
  ...forms('local-use NAT64 64:ff9b:1::/48', RESERVED, ['https://[64:ff9b:1::a00:1]']),
  ...forms('Teredo 2001::/32', RESERVED, ['https://[2001::1]', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]']),
  ...forms('IETF protocol assignments 2001::/23', RESERVED, ['https://[2001:2::1]', 'https://[2001:10::1]', 'https://[2001:20::1]']),
  ...forms('documentation', RESERVED, ['https://[2001:db8::1]', 'https://[3fff::1]']),
  ...forms('discard-only 100::/64', RESERVED, ['https://[100::1]']),
  ...forms('segment routing 5f00::/16', RESERVED, ['https://[5f00::1]']),
  ...forms('outside global unicast 2000::/3', RESERVED, ['https://[4000::1]', 'https://[::2:3:4:5:6]']),
  ...forms('multicast ff00::/8', MULTICAST, ['https://[ff02::1]', 'https://[ff05::1:3]']),
  // Names that are never a server on the internet.
  ...forms('RFC 6761/7686/9476 name', SPECIAL_NAME, ['https://ci.test', 'https://ci.example', 'https://ci.onion', 'https://ci.alt']),
  ...forms('.invalid, one slash', /^x\.invalid is a special-use name/, ['https:/x.invalid', 'https:x.invalid', 'https:\\\\x.invalid']),
  ...forms('single label', notFull('teamcity'), ['https://teamcity', 'teamcity:PORT', 'https:teamcity']),
  ...forms('single label', notFull('https'), ['https:8111']),
  ...forms('single label, metadata', notFull('metadata'), ['https://metadata']),
  ...forms('not a host name', HOST_NAME, [
    'https://tc_1.example.com',
    'https://a..b.example.com',
    'https://-tc.example.com',
    `https://${'a'.repeat(64)}.example.com`,
    `https://${'abc.'.repeat(64)}com`,
  ]),
  // Ports.
  ...forms('port 0', PORT_RANGE, ['http://127.0.0.1:0', 'https://teamcity.example.com:0', 'teamcity.example.com:00']),
  ...forms('port over 65535', PORT_RANGE, ['https://teamcity.example.com:65536', 'teamcity.example.com:99999/teamcity']),
];

/** Refused even by the local host, which lets plain http reach loopback only (the simulator). */
export const REFUSED_LOCAL: RefusedAddress[] = [
  ...forms('port 0', PORT_RANGE, ['http://127.0.0.1:0', 'localhost:0']),
  ...forms('IPv4-mapped loopback', stands('127.0.0.1'), ['http://[::ffff:127.0.0.1]:PORT']),
  ...forms('NAT64 loopback', stands('127.0.0.1'), ['http://[64:ff9b::7f00:1]:PORT']),
  ...forms('6to4 loopback', stands('127.0.0.1'), ['http://[2002:7f00:1::]:PORT']),
  ...forms('this network', local('0.0.0.0'), ['http://0.0.0.0:PORT']),
  ...forms('localhost.localdomain', local('localhost.localdomain'), ['http://localhost.localdomain:PORT']),
  ...forms('private', local('10.0.0.1'), ['http://10.0.0.1:PORT']),
  ...forms('plain http elsewhere', /^Use an https:\/\/ address\./, ['http://teamcity.example.com']),
];
