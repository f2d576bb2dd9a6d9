/**
 * The baseline for page-load timing: one static HTML page with the text the settings page shows, no script.
 * The local host has no route for arbitrary pages, so this is a node:http server of its own on loopback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The visible text of a page: its lines outside the table, then the table. */
export type PageText = { title: string; lines: string[]; tableHead: string[]; rows: string[][] };
export type StaticTextServer = { url: string; close(): Promise<void> };

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function staticPage({ title, lines, tableHead, rows }: PageText): string {
  const cells = (tag: string, row: string[]) => row.map((cell) => `<${tag}>${escape(cell)}</${tag}>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
${lines.map((line) => `<p>${escape(line)}</p>`).join('\n')}
<table><thead><tr>${cells('th', tableHead)}</tr></thead>
<tbody>${rows.map((row) => `<tr>${cells('td', row)}</tr>`).join('\n')}</tbody></table>
</body></html>
`;
}

export async function startStaticTextServer(html: string): Promise<StaticTextServer> {
  const body = Buffer.from(html);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
