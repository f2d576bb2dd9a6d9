/**
 * Hosts a deployed app must never send a token to: loopback, link-local, private ranges and cloud metadata
 * endpoints. Forge runs in Atlassian's cloud, so such an address is either unreachable or, worse, someone
 * else's internal service.
 */

const PRIVATE_HOSTNAMES = new Set(['localhost', 'metadata.google.internal', 'metadata', 'instance-data']);

const parseIPv4 = (host: string): number[] | null => {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
};

const isPrivateIPv4 = ([a = 0, b = 0]: number[]): boolean =>
  a === 0 ||
  a === 10 ||
  a === 127 ||
  (a === 100 && b >= 64 && b <= 127) ||
  (a === 169 && b === 254) ||
  (a === 172 && b >= 16 && b <= 31) ||
  (a === 192 && b === 168) ||
  a >= 224;

const isPrivateIPv6 = (host: string): boolean => {
  const h = host.toLowerCase();
  if (h === '::1' || h === '::') return true;
  // IPv4-mapped (::ffff:10.0.0.1, or the hex form WHATWG URL produces: ::ffff:a00:1) reaches the IPv4 host.
  if (h.startsWith('::ffff:')) {
    const rest = h.slice('::ffff:'.length);
    const dotted = parseIPv4(rest);
    if (dotted) return isPrivateIPv4(dotted);
    const hex = rest.split(':');
    if (hex.length === 2) {
      const hi = parseInt(hex[0] ?? '', 16);
      return isPrivateIPv4([hi >> 8, hi & 0xff]);
    }
    return true;
  }
  return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('ff');
};

/** `hostname` as the WHATWG URL parser gives it (IPv6 in brackets, IPv4 normalized to dotted decimal). */
export const isPrivateHostname = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (PRIVATE_HOSTNAMES.has(host) || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) {
    return true;
  }
  if (host.startsWith('[') && host.endsWith(']')) return isPrivateIPv6(host.slice(1, -1));
  const v4 = parseIPv4(host);
  return v4 ? isPrivateIPv4(v4) : false;
};

export const isLoopbackHostname = (hostname: string): boolean => {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const v4 = parseIPv4(host);
  return v4 !== null && v4[0] === 127;
};
