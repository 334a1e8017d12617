import { nodemailerSend } from '../server/src/notify/nodemailer-send.ts';
import { channelReadiness, createChannelSender } from '../server/src/notify/senders.ts';
import { nodeTcpConnect } from '../server/src/probes/node-tcp-connect.ts';
import { createProbe } from '../server/src/probes/probe.ts';
import { type RunningService, startService } from './console-harness.ts';

export interface AutomationService extends RunningService {
  /** The service's clock. */
  now(): number;
  /** Moves the clock by `ms` and runs one pass of probes, message events and deliveries. */
  advance(ms: number): Promise<void>;
}

/**
 * The console's service with its automatic features on a fake clock that moves only when the test
 * says: real probes and senders (to loopback fakes), channel secrets from `secrets`. `email: false`
 * is a service that cannot send e-mail, as on Workers.
 */
export async function startAutomationService(options: {
  start: number;
  secrets: Record<string, string>;
  email: boolean;
}): Promise<AutomationService> {
  let now = options.start;
  const secret = (name: string) => options.secrets[name];
  const email = options.email ? nodemailerSend : undefined;
  const service = await startService({
    now: () => now,
    automation: {
      probe: createProbe({ fetch, tcpConnect: nodeTcpConnect }),
      send: createChannelSender({ fetch, secret, email }),
      readiness: (channel) => channelReadiness(channel, { secret, email }),
    },
  });
  const automation = service.automation;
  if (!automation) throw new Error('the service has no automatic features');
  return {
    ...service,
    now: () => now,
    async advance(ms) {
      // Probes and deliveries started by the console's changes finish on the old clock first.
      await automation.idle();
      now += ms;
      await automation.tick({ waitForProbes: true });
    },
  };
}
