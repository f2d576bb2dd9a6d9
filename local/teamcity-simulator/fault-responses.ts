import type { ServerResponse } from 'node:http';
import { AUTH_FAILURE_TEXT } from './auth';
import { type ResponseStyle, send, sendHtml, sendText, setRestHeaders } from './http-send';
import type { SimFault } from './types';

export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const NOT_JSON_PAGE =
  '<!DOCTYPE html>\n<html lang="en"><head><meta charset="UTF-8"><title>Log in to TeamCity &mdash; TeamCity</title></head>\n' +
  '<body><div id="loginPage"><h1 id="header">Log in to TeamCity</h1><form class="loginForm" method="post"></form></div></body></html>\n';

const STARTING_PAGE =
  '<!DOCTYPE html>\n<html><head><title>TeamCity is starting</title></head><body><h1>TeamCity server is starting</h1>' +
  '<p>Please wait...</p></body></html>\n';

/** Answers a request the way the given fault would; 'slow' and 'reset' are handled by the caller. */
export function sendFault(fault: Exclude<SimFault, 'slow' | 'reset'>, res: ServerResponse, style: ResponseStyle, rootUrl: string): void {
  switch (fault) {
    case 'status500':
      setRestHeaders(res, style);
      return sendText(
        res,
        500,
        'Responding with error, status code: 500 (Internal Server Error).\nDetails: java.lang.NullPointerException\nError occurred while processing this request.',
      );
    case 'status502':
      return sendText(res, 502, 'Bad Gateway');
    case 'status503':
      res.setHeader('Retry-After', '30');
      return sendHtml(res, 503, STARTING_PAGE);
    case 'html-proxy':
      res.setHeader('Server', 'nginx');
      return send(res, 502, 'text/html', NGINX_502);
    case 'unauthorized':
    case 'token-expired':
      setRestHeaders(res, style);
      res.setHeader('WWW-Authenticate', style.modern ? 'Basic realm="TeamCity", Bearer realm="TeamCity"' : 'Basic realm="TeamCity"');
      return sendText(res, 401, AUTH_FAILURE_TEXT.badToken);
    case 'login-redirect':
      res.setHeader('Location', `${rootUrl}/login.html`);
      return send(res, 302, 'text/html;charset=UTF-8', '');
    case 'not-json':
      return sendHtml(res, 200, NOT_JSON_PAGE);
  }
}
