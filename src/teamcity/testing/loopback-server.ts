/**
 * A node:http(s) server on 127.0.0.1 and an ephemeral port, so tests exercise real sockets and run in parallel.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export type Loopback = { url: string; port: number; close: () => Promise<void> };

async function listen(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<Loopback> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withBody(handler: Handler): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks).toString('utf8')));
  };
}

export function startHttp(handler: Handler): Promise<Loopback> {
  return listen(http.createServer(withBody(handler)), 'http');
}

export function startHttps(options: { key: Buffer; cert: Buffer }, handler: Handler): Promise<Loopback> {
  return listen(https.createServer(options, withBody(handler)), 'https');
}
