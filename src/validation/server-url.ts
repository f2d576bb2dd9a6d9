/**
 * Turns what a user typed into the one canonical form of a TeamCity server address, or says precisely what is
 * wrong with it. The canonical form is also the identity of a stored token (one token per server per user), so
 * "TeamCity.example.com/", "https://teamcity.example.com:443" and "https://teamcity.example.com" must agree.
 */
import { fail, ok, type Result } from '../shared/result';
import { isLoopbackHostname, isPrivateHostname } from './private-address';

export type ServerUrlPolicy = { allowHttpLoopback: boolean };

const FIELD = 'serverUrl';
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/**
 * Paths people copy from the browser while looking at TeamCity. Everything from them on is a page of the
 * server, not part of its address (the part before them may be a context path such as /teamcity).
 */
const TEAMCITY_PAGE_PATHS =
  /\/(login\.html|overview\.html|favorite(\/.*)?|project(\/.*)?|project\.html|buildConfiguration(\/.*)?|viewType\.html|viewLog\.html|profile\.html|admin(\/.*)?|app\/rest(\/.*)?|app\/?)$/i;

/** TeamCity tokens are JWT-like: base64url of `{"typ": "TCV2"}` and two more long segments. */
const LOOKS_LIKE_TOKEN = /^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/;

const invalid = (message: string) => fail('invalid_input', message, FIELD);

export const normalizeServerUrl = (input: string, policy: ServerUrlPolicy): Result<string> => {
  const text = input.trim();
  if (text === '') return invalid('Enter the address of your TeamCity server.');
  // eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return invalid("The server address can't contain spaces or line breaks.");

  // Never echo it, and never send it anywhere as a host name.
  if (LOOKS_LIKE_TOKEN.test(text)) {
    return invalid(
      'This looks like an access token. Paste it into the Access token field, and enter the address of your TeamCity server here.',
    );
  }

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    return invalid("This isn't a valid server address. Enter it like https://teamcity.example.com.");
  }
  if (url.hostname === '' || !/^[a-z0-9.\-[\]:]+$/i.test(url.hostname)) {
    return invalid("This isn't a valid server address. Enter it like https://teamcity.example.com.");
  }
  if (url.username !== '' || url.password !== '') {
    return invalid('Remove the user name and password from the address: your access token is what signs you in.');
  }
  if (url.hash !== '' || text.includes('#')) return invalid('Remove the part starting with "#" from the address.');
  if (url.search !== '' || text.includes('?')) return invalid('Remove the part starting with "?" from the address.');

  const loopback = isLoopbackHostname(url.hostname);
  if (url.protocol === 'http:' && !(policy.allowHttpLoopback && loopback)) {
    return invalid('Use an https:// address. Bitbucket Cloud only connects to TeamCity over HTTPS.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return invalid(`"${url.protocol.replace(':', '')}" addresses aren't supported. Use the https:// address of your TeamCity server.`);
  }
  if (isPrivateHostname(url.hostname) && !(policy.allowHttpLoopback && loopback)) {
    return invalid(
      `${url.hostname} is a private or local address. Bitbucket Cloud can only reach TeamCity servers that are reachable from the internet.`,
    );
  }

  // WHATWG URL already lowercased the host and dropped a default port (443 for https, 80 for http).
  const path = url.pathname.replace(TEAMCITY_PAGE_PATHS, '').replace(/\/+$/, '');
  return ok(`${url.protocol}//${url.host}${path}`);
};
