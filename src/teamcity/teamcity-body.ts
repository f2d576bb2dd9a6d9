/**
 * Reads a response body without trusting its size. fetch decompresses gzip/deflate/br as it streams, so the
 * bytes counted here are the decoded ones: a gzip bomb is stopped by the same limit as a plain huge answer, and
 * reading stops (and the connection is cancelled) as soon as the limit is passed.
 *
 * The limit: a Forge function has 512 MB of memory by default (manifest `runtime.memoryMB`, "between 128 MB and
 * 1024 MB ... The default value is 512 MB", @forge/manifest's schema; https://developer.atlassian.com/platform/forge/manifest-reference/).
 * The most the app has in flight at once is a token check of 4 tokens with 3 requests each, so 12 bodies; at
 * 4 MiB each that is 48 MiB of text before parsing, leaving room for JSON.parse's objects within 512 MB. The
 * largest answer the app asks for, a page of 1 000 build configuration summaries, is about 300 KB.
 */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; limitBytes: number };

type StreamingBody = { getReader(): ReadableStreamDefaultReader<Uint8Array>; cancel(): Promise<void> };

const isStream = (body: unknown): body is StreamingBody =>
  typeof body === 'object' && body !== null && typeof (body as StreamingBody).getReader === 'function';

const decode = (chunks: Uint8Array[]) => new TextDecoder('utf-8').decode(Buffer.concat(chunks));

export async function readBoundedBody(res: Response, limitBytes = MAX_RESPONSE_BYTES): Promise<BodyRead> {
  const body: unknown = res.body;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    if (isStream(body)) await body.cancel().catch(() => undefined);
    return { ok: false, limitBytes };
  }
  if (!isStream(body)) {
    // A fetch without streams (none the app uses today): all that can be done is to check after reading.
    const whole = new Uint8Array(await res.arrayBuffer());
    return whole.byteLength > limitBytes ? { ok: false, limitBytes } : { ok: true, text: decode([whole]) };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, limitBytes };
    }
    chunks.push(value);
  }
  return { ok: true, text: decode(chunks) };
}
