import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** How long, and how much more of a refused body, the server reads after answering. */
export const LINGER_MS = 5_000;
export const LINGER_BYTES = 64 * 1024 * 1024;

const lingering = new WeakSet<Socket>();

/**
 * Refusing a request before its body has arrived (413) means answering, then closing the
 * connection ("Connection: close", set by Fastify for body errors). Node closes it with a
 * destroy as soon as the answer is written; the client, still sending its body, then gets a TCP
 * reset, and most clients report ECONNRESET or EPIPE and drop the 413 they had not read yet.
 *
 * This closes gracefully instead ("lingering close", as web servers do): the answer is sent and
 * the sending side shut, the rest of the body is read and thrown away, and the socket is
 * destroyed once the client closes its side, or after LINGER_MS or LINGER_BYTES at most.
 * Node's HTTP server ends a connection it means to close with `socket.destroySoon()` (or
 * `end()` where a socket has none); this replaces it on this one socket.
 */
export function lingerOnClose(req: FastifyRequest): void {
  const socket = req.raw.socket as Socket | null;
  if (!socket || socket.destroyed || lingering.has(socket)) return;
  lingering.add(socket);
  let discarded = 0;
  const count = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) socket.destroy();
  };
  // Body bytes still to come reach the request stream; keep it flowing so they are dropped.
  req.raw.on('data', count);
  req.raw.resume();
  (socket as Socket & { destroySoon?: () => void }).destroySoon = function lingeringClose(this: Socket) {
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', () => this.destroy());
    this.resume();
    this.end();
  };
}
