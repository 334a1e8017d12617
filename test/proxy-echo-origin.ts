import { createHash } from 'node:crypto';
import { type AddressInfo, createServer, type Socket } from 'node:net';

/**
 * A 1C web server stand-in on raw TCP, for what node:http would hide: it records each request head
 * exactly as its bytes arrived (header case, order, repeats, raw UTF-8) and answers with heads
 * written byte for byte — no Date, no Content-Type unless asked. It also speaks WebSocket, echoing
 * every message back, as the 1C web client's server side would answer.
 */
export interface EchoOrigin {
  readonly url: string;
  /** Request heads as received, oldest first: the request line and `[name, value]` pairs (latin1). */
  readonly received: { line: string; headers: [string, string][] }[];
  close(): Promise<void>;
}

/** Bytes, as a latin1 string (one char per byte), the way header values travel here. */
export const bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** The answers, by path. `{origin}` is replaced by this origin's own URL. */
const ANSWERS: Record<string, string> = {
  '/buh/odd':
    'HTTP/1.1 200 OK\r\nX-Odd-Case: MiXeD\r\nx-dup: 1\r\nX-Dup: 2\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: b=2; Path=/\r\nContent-Length: 5\r\n\r\nhello',
  '/buh/redirect': `HTTP/1.1 302 Found\r\nLocation: {origin}/buh/${bytes('Отчёт')}?q=${bytes('да')}\r\nContent-Length: 0\r\n\r\n`,
  // An HTML body without a Content-Type: passed as it is, and nobody names a type for it.
  '/buh/no-type': 'HTTP/1.1 200 OK\r\nContent-Length: 26\r\n\r\n<html><head></head></html>',
};

/** RFC 6455 §1.3: the accept key for a handshake key. */
function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** Unmasks the client's frames and sends each payload back as an unmasked frame of the same opcode. */
function echoFrames(socket: Socket, initial: Buffer): void {
  let buffer = initial;
  const drain = () => {
    while (buffer.length >= 2) {
      const opcode = (buffer[0] as number) & 0x0f;
      let length = (buffer[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + 4 + length) return;
      const mask = buffer.subarray(offset, offset + 4);
      const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
      buffer = buffer.subarray(offset + 4 + length);
      if (opcode === 0x8) {
        socket.end(Buffer.from([0x88, 0]));
        return;
      }
      const head =
        payload.length < 126
          ? Buffer.from([0x80 | opcode, payload.length])
          : Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff]);
      socket.write(Buffer.concat([head, payload]));
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    drain();
  });
  drain();
}

export async function startEchoOrigin(): Promise<EchoOrigin> {
  const received: EchoOrigin['received'] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  const answer = (socket: Socket, line: string, headers: [string, string][], rest: Buffer): boolean => {
    const path = line.split(' ')[1] ?? '/';
    const header = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
    if (header('upgrade')?.toLowerCase() === 'websocket') {
      const key = header('sec-websocket-key') ?? '';
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key)}\r\nX-Origin: echo\r\n\r\n`,
      );
      echoFrames(socket, rest);
      return false;
    }
    const canned = ANSWERS[path.split('?')[0] ?? ''];
    if (canned) {
      socket.write(Buffer.from(canned.replace('{origin}', origin), 'latin1'));
    } else {
      // The head as received, as JSON: what the 1C server would have seen.
      const body = Buffer.from(JSON.stringify({ line, headers }), 'latin1');
      socket.write(
        Buffer.concat([
          Buffer.from(
            `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
          ),
          body,
        ]),
      );
    }
    return true;
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const [line = '', ...lines] = pending.subarray(0, end).toString('latin1').split('\r\n');
        const headers = lines.map((text) => {
          const colon = text.indexOf(':');
          return [text.slice(0, colon), text.slice(colon + 1).trim()] as [string, string];
        });
        const length = Number(headers.find(([n]) => n.toLowerCase() === 'content-length')?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        const rest = pending.subarray(end + 4 + length);
        pending = rest;
        received.push({ line, headers });
        if (!answer(socket, line, headers, rest)) {
          socket.off('data', onData);
          return;
        }
      }
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
