import { connect } from 'cloudflare:sockets';
import type { TcpConnect } from './probe.ts';

/** TCP on Workers: `cloudflare:sockets`; `opened` settles once the connection is up or refused. */
export const workerTcpConnect: TcpConnect = async (target, signal) => {
  const socket = connect({ hostname: target.host, port: target.port });
  const close = () => socket.close().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  try {
    await socket.opened;
  } finally {
    signal.removeEventListener('abort', close);
    await close();
  }
};
