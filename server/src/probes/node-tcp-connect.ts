import { connect } from 'node:net';
import type { TcpConnect } from './probe.ts';

/** TCP on Node: connect, then close at once (the 1C agent or DBMS sees a short connection). */
export const nodeTcpConnect: TcpConnect = (target, signal) =>
  new Promise<void>((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port, signal });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
