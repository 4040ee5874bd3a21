import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with the next push:
 * - `lose-answer`: forwards it, waits for the server's whole answer (so the server has
 *   committed), then cuts the client's connection instead of answering;
 * - `unavailable`: answers 503 with `Retry-After` itself, as a load balancer does while
 *   the server restarts, without forwarding.
 */
export type PushFault = { kind: 'lose-answer' } | { kind: 'unavailable'; retryAfterSeconds: number };

export type FaultProxy = {
  port: number;
  /** The server's port; changes when the server is restarted elsewhere. */
  target: number;
  /** The fault for the next push request only. */
  failNextPush(fault: PushFault): void;
  /** Requests the proxy received, as `METHOD /path → status` (`cut` for a lost answer, `failed` when the server was gone). */
  log: string[];
  close(): Promise<void>;
};

/** A small HTTP proxy between the client engine and the real server process, on 127.0.0.1. */
export async function startFaultProxy(target: number): Promise<FaultProxy> {
  let nextPushFault: PushFault | null = null;
  const log: string[] = [];
  const proxy: FaultProxy = {
    port: 0,
    target,
    log,
    failNextPush(fault) {
      nextPushFault = fault;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  const server = createServer((incoming, outgoing) => {
    const line = `${incoming.method} ${incoming.url}`;
    const fault = incoming.url === '/api/sync/push' ? nextPushFault : null;
    if (fault !== null) nextPushFault = null;
    if (fault?.kind === 'unavailable') {
      incoming.resume();
      log.push(`${line} → 503`);
      outgoing.writeHead(503, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) });
      outgoing.end(JSON.stringify({ error: { code: 'unavailable', message: 'the server is restarting' } }));
      return;
    }
    forward(proxy.target, incoming, outgoing, fault?.kind === 'lose-answer', (status) => log.push(`${line} → ${status}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  return proxy;
}

function forward(target: number, incoming: IncomingMessage, outgoing: ServerResponse, loseAnswer: boolean, done: (status: string) => void): void {
  const upstream = request({ host: '127.0.0.1', port: target, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      if (loseAnswer) {
        done('cut');
        outgoing.socket?.destroy();
        return;
      }
      done(String(answer.statusCode));
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      outgoing.end(Buffer.concat(chunks));
    });
    answer.on('error', () => cut(outgoing, done));
  });
  // The server died (SIGKILL) or is not listening yet: the client sees a dropped connection.
  upstream.on('error', () => cut(outgoing, done));
  incoming.pipe(upstream);
}

function cut(outgoing: ServerResponse, done: (status: string) => void): void {
  done('failed');
  outgoing.socket?.destroy();
}
