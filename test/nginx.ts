import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { findProgram, installDebianPackages, MissingTool } from './debian-packages.ts';

export interface RunningNginx {
  url: string;
  stop: () => void;
}

/** Debian's nginx: root's PATH has /usr/sbin, another user's may not. */
export function findNginx(): string | undefined {
  return findProgram('nginx', ['/usr/sbin/nginx']);
}

/** For the test setup: installs nginx-light when nginx is missing, or stops the run saying how. */
export function ensureNginx(): void {
  if (findNginx()) return;
  installDebianPackages('nginx is missing', ['nginx-light']);
  if (!findNginx())
    throw new MissingTool('apt-get installed nginx-light, yet no nginx is on PATH or in /usr/sbin.');
}

/** A free loopback port: nginx cannot listen on port 0 and report it back. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Debian's nginx in the foreground on a free loopback port, with its config, pid, logs and temp files
 * all under `dir`; `server` is the body of its one server block. Resolves once `readyPath` answers 2xx.
 */
export function startNginx(dir: string, server: string, readyPath: string): Promise<RunningNginx> {
  const block = (port: number) => `server {\n    listen 127.0.0.1:${port};\n${server}\n  }`;
  return startNginxHttp(dir, block, readyPath);
}

/**
 * The same with the whole inside of `http { }` given (upstreams, maps, server blocks, as a conf.d
 * file holds them); `http(port)` must make a server listen on 127.0.0.1:`port` (default: a free one).
 */
export async function startNginxHttp(
  dir: string,
  http: (port: number) => string,
  readyPath: string,
  port?: number,
): Promise<RunningNginx> {
  const binary = findNginx();
  if (!binary) throw new Error('nginx is missing: the test setup (test/global-setup.ts) installs it');
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`)
    .join(' ');
  await mkdir(join(dir, 'logs'), { recursive: true });
  await writeFile(
    join(dir, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  ${temp}
  ${http(port)}
}
`,
  );
  const nginx = spawn(binary, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const stop = () => {
    nginx.kill('SIGTERM');
  };
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const up = await fetch(`${url}${readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stop();
  throw new Error(`nginx did not start; see ${dir}/error.log`);
}
