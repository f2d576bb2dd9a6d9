/**
 * classifyHost against the IANA registries themselves, entry by entry, rather than against ipaddr.js's own
 * lists: the first and the last address of every range in the IPv4 and IPv6 Special-Purpose Address Registries
 * (https://www.iana.org/assignments/iana-ipv4-special-registry, .../iana-ipv6-special-registry), plus multicast
 * and the deprecated IPv6 forms, must not be `public`. Hosts are given as the URL parser spells them.
 */
import ipaddr from 'ipaddr.js';
import { classifyHost } from './special-addresses';

const IPV4_SPECIAL = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.0.0/29',
  '192.0.0.8/32',
  '192.0.0.9/32',
  '192.0.0.10/32',
  '192.0.0.170/32',
  '192.0.0.171/32',
  '192.0.2.0/24',
  '192.31.196.0/24',
  '192.52.193.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '192.175.48.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '240.0.0.0/4',
  '255.255.255.255/32',
  // Not in the special-purpose registry but never one server: multicast (IPv4 Address Space registry).
  '224.0.0.0/4',
];

const IPV6_SPECIAL = [
  '::1/128',
  '::/128',
  '::ffff:0:0/96',
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  '100::/64',
  '100:0:0:1::/64',
  '2001::/23',
  '2001::/32',
  '2001:1::1/128',
  '2001:1::2/128',
  '2001:1::3/128',
  '2001:2::/48',
  '2001:3::/32',
  '2001:4:112::/48',
  '2001:10::/28',
  '2001:20::/28',
  '2001:30::/28',
  '2001:db8::/32',
  '2002::/16',
  '2620:4f:8000::/48',
  '3fff::/20',
  '5f00::/16',
  'fc00::/7',
  'fe80::/10',
  // Outside the registry: multicast, deprecated site-local (RFC 3879), IPv4-compatible (RFC 4291), SIIT (RFC 6145).
  'ff00::/8',
  'fec0::/10',
  '::/96',
  '::ffff:0:0:0/96',
];

const hostnameOf = (address: string) => new URL(`https://${address.includes(':') ? `[${address}]` : address}`).hostname;

const ends = (cidr: string): string[] => {
  const [network, bits] = ipaddr.parseCIDR(cidr);
  const last = network.kind() === 'ipv4' ? ipaddr.IPv4.broadcastAddressFromCIDR(cidr) : ipaddr.IPv6.broadcastAddressFromCIDR(cidr);
  // ::/96 starts with :: itself, which is the unspecified address; its IPv4-compatible part starts at ::0.0.0.2.
  const first = cidr === '::/96' ? '::2' : network.toString();
  return bits === (network.kind() === 'ipv4' ? 32 : 128) ? [first] : [first, last.toString()];
};

describe('classifyHost', () => {
  it.each([...IPV4_SPECIAL, ...IPV6_SPECIAL])('%s is not public at either end', (cidr) => {
    const classes = ends(cidr).map((address) => `${address}: ${classifyHost(hostnameOf(address)).class}`);
    expect(classes.filter((c) => c.endsWith(': public'))).toEqual([]);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '198.20.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450::1',
  ])('%s is public', (address) => {
    expect(classifyHost(hostnameOf(address))).toEqual({ class: 'public', literal: true, loopback: false });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['[::1]', true],
    ['localhost', true],
    ['localhost.', true],
    ['[::ffff:7f00:1]', false],
    ['0.0.0.0', false],
    ['tc.localhost', false],
  ])('%s is the loopback interface: %s', (host, loopback) => {
    expect(classifyHost(host).loopback).toBe(loopback);
  });

  it.each(['teamcity.example.com', 'xn--tamcity-bya.example.com', 'ci.corp.example.org', 'localhost.example.com', 'local.example.com'])(
    '%s is a public name',
    (name) => {
      expect(classifyHost(name)).toEqual({ class: 'public', literal: false, loopback: false });
    },
  );
});
