/**
 * A TeamCity impostor on 127.0.0.1 for security tests. It speaks raw HTTP/1.1 over node:net, so it can send what
 * node:http would refuse to: the request's token as the reason phrase (`HTTP/1.1 401 <token>`) or in any header,
 * the Authorization header echoed into every field of TeamCity-shaped JSON, bodies that never end, gzip bombs
 * and lists with malformed items. `behaviour` is swapped between requests by the test; every request is recorded.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type HostileRequest = { method: string; path: string; headers: Record<string, string>; body: string };

/** What one answer is made of. `body` may be a function that streams (for unbounded bodies). */
export type RawAnswer = {
  status: number;
  reason: string;
  headers?: Record<string, string>;
  body?: string | Buffer | ((write: (chunk: Buffer) => Promise<boolean>) => Promise<void>);
};

export type Behaviour = (req: HostileRequest) => RawAnswer;

export type HostileServer = {
  url: string;
  behaviour: Behaviour;
  requests: HostileRequest[];
  /** Bytes of body written to sockets so far (what a streaming answer managed to push before the client stopped). */
  bodyBytesSent: number;
  close(): Promise<void>;
};

const HEADER_END = '\r\n\r\n';
/** A request bigger than this is not one the app sends; the impostor hangs up. */
const MAX_REQUEST = 1024 * 1024;

function parseRequest(raw: Buffer): { req: HostileRequest; complete: boolean } | undefined {
  const text = raw.toString('latin1');
  const end = text.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const [method = 'GET', path = '/'] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = raw.subarray(Buffer.byteLength(text.slice(0, end + HEADER_END.length), 'latin1'));
  return { req: { method, path, headers, body: body.toString('utf8') }, complete: body.length >= length };
}

function head(answer: RawAnswer, chunked: boolean, length: number | undefined): string {
  const lines = [`HTTP/1.1 ${answer.status} ${answer.reason}`];
  const headers: Record<string, string> = { Connection: 'close', ...answer.headers };
  if (chunked) headers['Transfer-Encoding'] = 'chunked';
  else if (length !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length'))
    headers['Content-Length'] = String(length);
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}${HEADER_END}`;
}

export async function startHostileServer(initial: Behaviour): Promise<HostileServer> {
  const sockets = new Set<net.Socket>();
  const state: HostileServer = {
    url: '',
    behaviour: initial,
    requests: [],
    bodyBytesSent: 0,
    close: async () => undefined,
  };

  /** Writes with backpressure; false once the client has gone, so a streaming body stops. */
  const writer = (socket: net.Socket) => (chunk: Buffer) =>
    new Promise<boolean>((resolve) => {
      if (socket.destroyed) return resolve(false);
      state.bodyBytesSent += chunk.length;
      if (socket.write(chunk)) return resolve(true);
      const done = (ok: boolean) => {
        socket.off('drain', onDrain);
        socket.off('close', onClose);
        resolve(ok);
      };
      const onDrain = () => done(true);
      const onClose = () => done(false);
      socket.once('drain', onDrain);
      socket.once('close', onClose);
    });

  async function answer(socket: net.Socket, req: HostileRequest): Promise<void> {
    state.requests.push(req);
    const reply = state.behaviour(req);
    const body = reply.body ?? '';
    if (typeof body === 'function') {
      socket.write(head(reply, true, undefined), 'latin1');
      const write = writer(socket);
      await body(async (chunk) => write(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])));
      if (!socket.destroyed) socket.end('0\r\n\r\n');
      return;
    }
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    socket.write(head(reply, false, bytes.length), 'latin1');
    await writer(socket)(bytes);
    socket.end();
  }

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let received = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      received = Buffer.concat([received, chunk]);
      if (received.length > MAX_REQUEST) return void socket.destroy();
      const parsed = parseRequest(received);
      if (!parsed?.complete) return;
      answered = true;
      void answer(socket, parsed.req).catch(() => socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** The REST path without the query, for choosing what to answer. */
export const restPath = (req: HostileRequest): string => req.path.split('?')[0] ?? '';
