import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { downstreamResponseHeaders } from './forwarded-headers.ts';
import { plainFailure } from './plan-upstream-answer.ts';

interface WebSocketOptions {
  upstreamOrigin: string;
  publicOrigin: string | undefined;
  timeoutMs: number;
}

/**
 * A WebSocket handshake to the origin: its `101` (with its own headers) goes back to the browser and
 * the two sockets are joined; a refusal (any other answer) is relayed and the connection closed.
 */
export function passWebSocket(
  outgoing: ClientRequest,
  socket: Duplex,
  head: Buffer,
  options: WebSocketOptions,
) {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    outgoing.destroy();
  }, options.timeoutMs);
  socket.on('error', () => outgoing.destroy());
  const headLines = (incoming: IncomingMessage, upgrade: boolean) => {
    const headers = downstreamResponseHeaders(incoming.rawHeaders, { ...options, upgrade });
    let text = `HTTP/1.1 ${incoming.statusCode} ${incoming.statusMessage}\r\n`;
    for (let i = 0; i < headers.length; i += 2) text += `${headers[i]}: ${headers[i + 1]}\r\n`;
    return upgrade ? `${text}\r\n` : `${text}Connection: close\r\n\r\n`;
  };
  outgoing.once('upgrade', (incoming, upstreamSocket, upstreamHead) => {
    clearTimeout(timer);
    socket.write(headLines(incoming, true), 'latin1');
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    const close = () => {
      socket.destroy();
      upstreamSocket.destroy();
    };
    for (const side of [socket, upstreamSocket]) side.once('error', close).once('close', close);
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
  });
  outgoing.once('response', (incoming) => {
    clearTimeout(timer);
    socket.write(headLines(incoming, false), 'latin1');
    incoming.pipe(socket);
  });
  outgoing.once('error', () => {
    clearTimeout(timer);
    const { text } = plainFailure(
      timedOut ? { kind: 'timeout', seconds: options.timeoutMs / 1000 } : { kind: 'refused' },
    );
    socket.end(
      `HTTP/1.1 ${timedOut ? '504 Gateway Timeout' : '502 Bad Gateway'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
  outgoing.end();
}
