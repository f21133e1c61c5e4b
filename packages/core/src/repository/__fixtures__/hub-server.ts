import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test server misbehaves for one path. */
export interface FileBehaviour {
  /** Answer with this status and no body. */
  status?: number;
  /** Send the full Content-Length but close the connection after this many bytes (this many times). */
  cutAfter?: number;
  cutTimes?: number;
  /** Wait this long between 1 KiB chunks. */
  chunkDelayMs?: number;
  /** Redirect (302) to this server path. */
  redirectTo?: string;
  /** Send no Content-Length and repeat the body forever (an endless body). */
  endless?: boolean;
  /** Answer Range requests with 206 even when If-Range no longer matches (a broken server). */
  ignoreIfRange?: boolean;
  /** Send no ETag (no validator to resume against). */
  noEtag?: boolean;
  /** Send no Content-Length and no chunked framing: the body ends when the connection closes. */
  closeDelimited?: boolean;
  /** Send this many bytes, then nothing more while keeping the connection open. */
  stallAfter?: number;
  /** Answer every request with 304 Not Modified, conditional or not (a broken server or proxy). */
  alwaysNotModified?: boolean;
}

/** One request the server saw. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly status: number;
}

/**
 * A hub-shaped HTTP server on 127.0.0.1 (port 0) for tests: `/{owner}/{name}/resolve/{rev}/{file}`
 * and any other path map to entries of `files`, keyed by server path. Supports Range, If-Range,
 * If-None-Match and strong ETags (the sha256 of the body, as the hub does for large files).
 */
export class HubServer {
  readonly files = new Map<string, Uint8Array>();
  readonly behaviours = new Map<string, FileBehaviour>();
  readonly requests: SeenRequest[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();
  origin = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Stores a file under a hub path: `put('o/n', 'main', 'a.json', bytes)`. */
  put(repo: string, revision: string, file: string, body: Uint8Array | string): string {
    const path = `/${repo}/resolve/${encodeURIComponent(revision)}/${file}`;
    this.files.set(path, typeof body === 'string' ? new TextEncoder().encode(body) : body);
    return path;
  }

  /** Requests for a server path that got a body (200 or 206). */
  downloads(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path && (r.status === 200 || r.status === 206));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Raw (still percent-encoded) path, so that an encoded revision like refs%2Fpr%2F6 stays one segment.
    const path = new URL(request.url ?? '/', this.origin).pathname;
    const behaviour = this.behaviours.get(path) ?? {};
    const seen = (status: number): void => void this.requests.push({ path, headers: request.headers, status });
    if (behaviour.redirectTo !== undefined) {
      seen(302);
      response.writeHead(302, { location: behaviour.redirectTo }).end();
      return;
    }
    if (behaviour.status !== undefined) {
      seen(behaviour.status);
      response.writeHead(behaviour.status).end();
      return;
    }
    const body = this.files.get(path);
    if (body === undefined) {
      seen(404);
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Entry not found');
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex')}"`;
    if (behaviour.alwaysNotModified || request.headers['if-none-match'] === etag) {
      seen(304);
      response.writeHead(304, { etag }).end();
      return;
    }
    if (behaviour.endless) {
      seen(200);
      response.writeHead(200, { etag });
      await this.endless(response, body);
      return;
    }
    let start = 0;
    let status = 200;
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const ifRange = request.headers['if-range'];
    if (range && (behaviour.ignoreIfRange || ifRange === undefined || ifRange === etag)) {
      start = Number(range[1]);
      if (start >= body.length) {
        seen(416);
        response.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      status = 206;
    }
    seen(status);
    const headers: Record<string, string> = { etag, 'content-length': String(body.length - start), 'content-type': 'application/octet-stream' };
    if (status === 206) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    if (behaviour.noEtag) delete headers.etag;
    if (behaviour.closeDelimited) {
      delete headers['content-length'];
      headers.connection = 'close';
      response.useChunkedEncodingByDefault = false;
    }
    response.writeHead(status, headers);
    if (behaviour.stallAfter !== undefined) {
      await new Promise<void>((resolve) => response.write(body.subarray(start, start + behaviour.stallAfter!), () => resolve()));
      return; // never ends: the client must give up
    }
    let end = body.length;
    const cut = behaviour.cutAfter !== undefined && (behaviour.cutTimes ?? Infinity) > 0;
    if (cut) {
      end = Math.min(end, start + behaviour.cutAfter!);
      if (behaviour.cutTimes !== undefined) behaviour.cutTimes -= 1;
    }
    for (let offset = start; offset < end; offset += 1024) {
      if (behaviour.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.chunkDelayMs));
      if (response.destroyed) return;
      // Waiting for each write to be flushed means a cut really delivers its bytes first.
      await new Promise<void>((resolve) => response.write(body.subarray(offset, Math.min(end, offset + 1024)), () => resolve()));
    }
    if (cut) {
      // Give the client time to read the delivered bytes: a stream error drops chunks not yet read.
      await new Promise((resolve) => setTimeout(resolve, 150));
      response.socket?.destroy();
      return;
    }
    response.end();
  }

  private async endless(response: ServerResponse, body: Uint8Array): Promise<void> {
    while (!response.destroyed) {
      const ok = response.write(body);
      if (!ok) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            response.off('drain', done).off('close', done);
            resolve();
          };
          response.on('drain', done).on('close', done);
        });
      }
    }
  }
}
