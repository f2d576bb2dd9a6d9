/**
 * Turns what a user typed into the one canonical form of a TeamCity server address, or says precisely what is
 * wrong with it. The canonical form is also the identity of a stored token (one token per server per user), so
 * "TeamCity.example.com/", "https://teamcity.example.com:443" and "https://teamcity.example.com" must agree.
 * The backend enforces it and the admin page previews with it, so both read an address the same way; every
 * address is parsed by the WHATWG URL parser, which the browser and Node share.
 *
 * An address without a scheme means https://. The one exception is the local host (allowHttpLoopback), where
 * a loopback address without a scheme means http://: there, plain http on loopback is the TeamCity simulator.
 */
import { fail, ok, type Result } from './result';
import { INPUT_MESSAGES, hasSpaceOrControl } from './input-rules';
import { classifyHost, type HostVerdict } from './special-addresses';

export type ServerUrlPolicy = { allowHttpLoopback: boolean };

const FIELD = 'serverUrl';
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `host:port` with nothing or a path after it: "localhost:7111" is a host and a port, not the scheme "localhost". */
const HOST_AND_PORT = /^[^:/?#[\]\\]+:(\d+([/?#\\]|$)|$)/;
/** The port as typed, for saying why the parser refused it (it refuses ports over 65535). */
const TYPED_PORT = /^(?:[a-z][a-z0-9+.-]*:)?[/\\]*(?:[^/?#\\@]*@)?(?:\[[^\]]*\]|[^/?#\\:]*):(\d+)(?:[/?#\\]|$)/i;
/**
 * Paths people copy from the browser while looking at TeamCity. Everything from them on is a page of the
 * server, not part of its address (the part before them may be a context path such as /teamcity).
 */
const TEAMCITY_PAGE_PATHS =
  /\/(login\.html|overview\.html|favorite(\/.*)?|project(\/.*)?|project\.html|buildConfiguration(\/.*)?|viewType\.html|viewLog\.html|profile\.html|admin(\/.*)?|app\/rest(\/.*)?|app\/?)$/i;
/** A DNS label (RFC 1123): letters, digits and inner hyphens, at most 63 characters; IDNs arrive as punycode. */
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOST_NAME_LENGTH = 253;

/** TeamCity tokens are JWT-like: base64url of `{"typ": "TCV2"}` and two more long segments. */
const LOOKS_LIKE_TOKEN = /^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/;

const REACHABLE = 'Bitbucket Cloud can only reach TeamCity servers that are reachable from the internet.';
const MESSAGES = {
  invalid: "This isn't a valid server address. Enter it like https://teamcity.example.com.",
  spaces: "The server address can't contain spaces or line breaks.",
  token: 'This looks like an access token. Paste it into the Access token field, and enter the address of your TeamCity server here.',
  scheme: (scheme: string) => `"${scheme}" addresses aren't supported. Use the https:// address of your TeamCity server.`,
  https: 'Use an https:// address. Bitbucket Cloud only connects to TeamCity over HTTPS.',
  port: 'The port must be a number from 1 to 65535.',
  credentials: 'Remove the user name and password from the address: your access token is what signs you in.',
  fragment: 'Remove the part starting with "#" from the address.',
  query: 'Remove the part starting with "?" from the address.',
  hostName: 'The host name may only contain letters, digits and "-", in parts separated by single dots (at most 253 characters).',
  singleLabel: (host: string) =>
    `"${host}" isn't a full host name. Enter the server's name as the internet knows it, like teamcity.example.com.`,
  local: (host: string) => `${host} is a private or local address. ${REACHABLE}`,
  embeddedLocal: (host: string, v4: string) => `${host} stands for ${v4}, a private or local address. ${REACHABLE}`,
  embeddedPublic: (host: string, v4: string) => `${host} stands for the IPv4 address ${v4}: enter ${v4} instead.`,
  reservedAddress: (host: string) =>
    `${host} is in an address range reserved for special purposes (documentation, benchmarking, future use), not a server on the internet.`,
  reservedName: (host: string) => `${host} is a special-use name that never leads to a server on the internet.`,
  multicast: (host: string) => `${host} is a multicast or broadcast address, not the address of a server.`,
} as const;

const invalid = (message: string) => fail('invalid_input', message, FIELD);

/** The scheme the user typed, if any; "//host" (scheme-relative) and "host:port" have none. */
function splitScheme(text: string): { scheme?: string; rest: string } {
  if (HOST_AND_PORT.test(text)) return { rest: text };
  const scheme = SCHEME.exec(text)?.[1];
  if (scheme) return { scheme: scheme.toLowerCase(), rest: text };
  return { rest: text.replace(/^[/\\]{2}/, '') };
}

const parse = (text: string): URL | null => {
  try {
    return new URL(text);
  } catch {
    return null;
  }
};

/** Why a host may not be used, or null. Its name is only repeated once it is known to be a short, plain host. */
function hostProblem(host: string, verdict: HostVerdict): string | null {
  if (!verdict.literal) {
    const labels = host.split('.');
    if (host.length > MAX_HOST_NAME_LENGTH || !labels.every((label) => LABEL.test(label))) return MESSAGES.hostName;
  }
  if (verdict.singleLabel) return MESSAGES.singleLabel(host);
  if (verdict.embeddedIPv4 !== undefined) {
    return verdict.class === 'public'
      ? MESSAGES.embeddedPublic(host, verdict.embeddedIPv4)
      : MESSAGES.embeddedLocal(host, verdict.embeddedIPv4);
  }
  switch (verdict.class) {
    case 'public':
      return null;
    case 'local':
      return MESSAGES.local(host);
    case 'multicast':
      return MESSAGES.multicast(host);
    case 'reserved':
      return verdict.literal ? MESSAGES.reservedAddress(host) : MESSAGES.reservedName(host);
  }
}

export const normalizeServerUrl = (input: string, policy: ServerUrlPolicy): Result<string> => {
  const text = input.trim();
  if (text === '') return invalid(INPUT_MESSAGES.serverUrlMissing);
  if (hasSpaceOrControl(text)) return invalid(MESSAGES.spaces);
  // Never echo it, and never send it anywhere as a host name.
  if (LOOKS_LIKE_TOKEN.test(text)) return invalid(MESSAGES.token);

  const { scheme, rest } = splitScheme(text);
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return invalid(scheme.length <= 20 ? MESSAGES.scheme(scheme) : MESSAGES.invalid);
  }
  let url = parse(scheme ? rest : `https://${rest}`);
  if (url && !scheme && policy.allowHttpLoopback && classifyHost(url.hostname).loopback) url = parse(`http://${rest}`);
  if (!url) {
    const port = TYPED_PORT.exec(scheme ? rest : `//${rest}`)?.[1];
    return invalid(port !== undefined && Number(port) > 65535 ? MESSAGES.port : MESSAGES.invalid);
  }
  if (url.hostname === '') return invalid(MESSAGES.invalid);
  if (url.username !== '' || url.password !== '') return invalid(MESSAGES.credentials);
  if (url.hash !== '' || text.includes('#')) return invalid(MESSAGES.fragment);
  if (url.search !== '' || text.includes('?')) return invalid(MESSAGES.query);
  if (url.port === '0') return invalid(MESSAGES.port);

  // An absolute name ("example.com.") is the same server as the name without its final dot.
  const host = url.hostname.replace(/\.$/, '');
  const verdict = classifyHost(host);
  const localHostLoopback = policy.allowHttpLoopback && verdict.loopback;
  if (!localHostLoopback) {
    const problem = hostProblem(host, verdict);
    if (problem) return invalid(problem);
    if (url.protocol === 'http:') return invalid(MESSAGES.https);
  }

  // WHATWG URL already lowercased the host and dropped a default port (443 for https, 80 for http).
  const port = url.port === '' ? '' : `:${url.port}`;
  const path = url.pathname.replace(TEAMCITY_PAGE_PATHS, '').replace(/\/+$/, '');
  return ok(`${url.protocol}//${host}${port}${path}`);
};
