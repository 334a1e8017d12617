import { spawn } from 'node:child_process';
import { pinned, waitForOutput } from './processes.mjs';

/** Headers a server writes per connection or per moment, left out of what a twin repeats. */
const PER_CONNECTION = ['date', 'connection', 'keep-alive'];

/**
 * The ceiling for any Node server on this machine: bare node:http on `cpu` answering every request
 * with `body` and the `headers` the service sent, nothing else. `Content-Length` is kept: without
 * it node:http would send the body chunked, more bytes and more work than the service does.
 * Resolves with the child process and its origin.
 */
export async function startBareTwin({ cpu, headers, body }) {
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !PER_CONNECTION.includes(name.toLowerCase())),
  );
  const bytes = Buffer.from(body);
  // The body is decoded once, before listening: per request the twin only writes.
  const code = `const body = Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64'); const headers = ${JSON.stringify(kept)}; require('node:http').createServer((q, s) => { s.writeHead(200, headers); s.end(body); }).listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;
  const [command, args] = pinned(cpu, process.execPath, ['-e', code]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const [, port] = await waitForOutput(child, /port (\d+)/, 'bare node:http');
  return { child, url: `http://127.0.0.1:${port}` };
}
