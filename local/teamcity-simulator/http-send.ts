import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from './render-context';
import { toXml } from './xml';

export type ResponseStyle = { modern: boolean; secure: boolean };

const TEXT = 'text/plain;charset=UTF-8';

/** Headers every recorded REST response carries (README point 12). */
export function setRestHeaders(res: ServerResponse, style: ResponseStyle): void {
  res.setHeader('Cache-Control', 'no-cache, no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Expires', 'Thu, 01 Jan 1970 00:00:00 GMT');
  const session = randomBytes(16).toString('hex').toUpperCase();
  const cookies = [`TCSESSIONID=${session}; Path=/;${style.secure ? ' Secure;' : ''} HttpOnly`];
  if (!style.modern) cookies.push('RememberMe=""; Expires=Thu, 01-Jan-1970 00:00:10 GMT; Path=/; HttpOnly');
  res.setHeader('Set-Cookie', cookies);
  if (style.modern) res.setHeader('TeamCity-Node-Id', 'MAIN_SERVER');
}

export function wantsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').toLowerCase().includes('application/json');
}

/** JSON only when asked for; otherwise XML, as TeamCity does (README point 1). */
export function sendEntity(req: IncomingMessage, res: ServerResponse, status: number, rootName: string, body: Json): void {
  if (wantsJson(req)) {
    send(res, status, 'application/json', JSON.stringify(body));
  } else {
    send(res, status, 'application/xml', toXml(rootName, body));
  }
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, TEXT, text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, 'text/html;charset=UTF-8', html);
}

export function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
