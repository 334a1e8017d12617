import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupErrorResponse } from '../contract/startup-error-response.ts';
import { StatusResponse } from '../contract/status.ts';
import { FakeReceiver, FakeTcpService, FakeWebPublication, hmacSignature } from './monitors-fakes.ts';

/** A running service with its automation: in-process on Node, or the Worker in miniflare. */
export interface MonitorsTarget {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  adminToken: string;
  /** The probe settings monitors get here (Workers tests use short real-time intervals). */
  probe: { intervalSeconds: number; timeoutSeconds: number; failuresToDown: number; successesToUp: number };
  /** Service time one `step` lets pass. */
  stepMs: number;
  /** Lets `stepMs` of service time pass, then runs what is due (a timer pass, or a Cron Trigger). */
  step(): Promise<void>;
  /** The service's clock (ms). */
  now(): number;
  /** The value of HOOK_SECRET in the service's environment. */
  hookSecret: string;
  close(): Promise<void>;
}

const SETTINGS = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67' },
  bases: {
    buh: { name: 'Бухгалтерия' },
    zup: { name: 'Зарплата' },
    flap: { name: 'Склад' },
    maint: { name: 'Торговля' },
    edit: { name: 'Документооборот' },
    hr: { name: 'Кадры' },
  },
};

interface MessageRow {
  id: string;
  createdBy: string;
  bases: string[];
  text: Record<string, string>;
  displayUntil: string;
  version: number;
}

/**
 * What monitors must do, run unchanged on every runtime: take a fake web publication and a TCP
 * listener down and up, and watch `/startup-error/<base>` and the admin API.
 */
export function defineMonitorsSuite(
  label: string,
  start: () => Promise<MonitorsTarget>,
  options: { concurrent?: boolean } = {},
): void {
  // Each case has its own fakes, bases and monitors: a real-time target runs them at once.
  const run = options.concurrent ? it.concurrent : it;
  // Real-time targets wait for probes: a case may take a few minutes of wall time on two busy cores.
  const CASE_TIMEOUT = 300_000;
  describe(`monitors: ${label}`, { timeout: CASE_TIMEOUT }, () => {
    let target: MonitorsTarget;
    const hook = new FakeReceiver();
    const fakes: { close(): Promise<void> }[] = [];
    const webPublication = async () => {
      const web = await new FakeWebPublication().start();
      fakes.push(web);
      return web;
    };
    const agentPort = async () => {
      const agent = await new FakeTcpService().start();
      fakes.push({ close: () => agent.stop() });
      return agent;
    };

    const admin = async (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const response = await target.fetch(path, {
        method,
        headers: {
          authorization: `Bearer ${target.adminToken}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return { json: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') ?? '' };
    };
    const answer = async (base: string, lang = 'ru') => {
      const response = await target.fetch(`/startup-error/${base}?lang=${lang}`);
      return StartupErrorResponse.parse(await response.json());
    };
    const messages = async (): Promise<MessageRow[]> =>
      (await admin('GET', '/api/admin/messages')).json.messages;
    const byMonitor = async (name: string) =>
      (await messages()).filter((m) => m.createdBy === `monitor:${name}`);
    const monitorStatus = async (id: string) => (await admin('GET', `/api/admin/monitors/${id}`)).json.status;
    const createMonitor = async (fields: Record<string, unknown>) =>
      (await admin('POST', '/api/admin/monitors', { ...target.probe, ...fields })).json as {
        id: string;
        name: string;
      };

    /** Steps until `done` holds; returns the service time it took. */
    const until = async (done: () => Promise<boolean>, budgetMs: number): Promise<number> => {
      const started = target.now();
      while (!(await done())) {
        if (target.now() - started >= budgetMs)
          throw new Error(`not reached within ${budgetMs / 1000} s of service time`);
        await target.step();
      }
      return target.now() - started;
    };
    const steps = async (ms: number) => {
      const started = target.now();
      while (target.now() - started < ms) await target.step();
    };
    const probes = (n: number) => n * target.probe.intervalSeconds * 1000;

    beforeAll(async () => {
      await hook.start();
      target = await start();
      await admin('PUT', '/api/admin/settings', SETTINGS);
      await admin('POST', '/api/admin/channels', {
        kind: 'webhook',
        name: 'Ops',
        url: `${hook.base}/hook`,
        secretEnv: 'HOOK_SECRET',
        events: ['monitor.down', 'monitor.up'],
      });
    });
    afterAll(async () => {
      await target?.close();
      await Promise.all([...fakes.map((f) => f.close()), hook.close()]);
    });

    run(
      'the web publication goes down: buh gets the outage message in ru, en and lv, other bases do not; back up, it ends',
      async () => {
        const { failuresToDown, successesToUp } = target.probe;
        const web = await webPublication();
        const monitor = await createMonitor({
          name: 'Веб-публикация',
          kind: 'http',
          target: web.url('/buh/ru_RU/'),
          bases: ['buh'],
        });
        await until(async () => (await monitorStatus(monitor.id)).state === 'up', probes(2));
        expect(await answer('buh')).not.toHaveProperty('userMessage');

        web.mode = 'down';
        const took = await until(
          async () => (await answer('buh')).userMessage !== undefined,
          probes(failuresToDown + 1),
        );
        expect(took).toBeLessThanOrEqual(probes(failuresToDown + 1));
        const status = await monitorStatus(monitor.id);
        expect(status).toMatchObject({ state: 'down', lastProbe: { ok: false, problem: 'HTTP 503' } });
        const [, hh, mm] = /T(\d\d):(\d\d)/.exec(status.since) ?? [];
        const ru = (await answer('buh', 'ru')).userMessage;
        // {since} in the service's zone, labelled like every time users see.
        expect(ru).toContain(`1С недоступна с ${hh}:${mm} МСК`);
        expect((await answer('buh', 'en')).userMessage).toMatch(
          /^1C has been unavailable since \d{1,2}:\d\d\s[AP]M MSK, and it is not your fault\./,
        );
        expect((await answer('buh', 'lv')).userMessage).toMatch(
          new RegExp(`^1C nav pieejama kopš ${hh}:${mm} MSK, un`),
        );
        for (const text of [ru, (await answer('buh', 'en')).userMessage])
          expect(text).not.toContain('{since}');
        expect(await answer('hr')).not.toHaveProperty('userMessage');
        expect(await answer('*')).not.toHaveProperty('userMessage');
        // The status API and page show the base down, with the monitor and its bars (plain HTML).
        const publicStatus = StatusResponse.parse(await (await target.fetch('/api/status?lang=ru')).json());
        const buh = publicStatus.bases.find((b) => b.key === 'buh');
        expect(buh).toMatchObject({ state: 'outage', monitors: [{ name: 'Веб-публикация', state: 'down' }] });
        expect(buh?.bars?.day).toHaveLength(24);
        expect(buh?.bars?.week).toHaveLength(28);
        expect(buh?.bars?.day.at(-1)?.state).toMatch(/^(partial|down)$/);
        expect(publicStatus.bases.find((b) => b.key === 'hr')).not.toHaveProperty('monitors');
        const page = await (await target.fetch('/status/buh?lang=ru')).text();
        expect(page).toContain('<span class="badge state-outage">Сбой</span>');
        expect(page).toMatch(/Веб-публикация: <strong class="state-outage">не отвечает<\/strong>/);
        expect(page.match(/<span class="cell-(up|partial|down|none)"/g)).toHaveLength(24 + 28);
        // The bars are plain markup; the one script is the page's own reader's-clock note.
        expect(page.match(/<script/g)).toHaveLength(1);
        const [posted] = await byMonitor('Веб-публикация');
        expect(posted).toMatchObject({ bases: ['buh'], createdBy: 'monitor:Веб-публикация' });
        const audit = (await admin('GET', '/api/admin/audit')).json.entries as {
          actor: string;
          action: string;
          target: string;
        }[];
        expect(audit).toContainEqual(
          expect.objectContaining({
            actor: 'monitor:Веб-публикация',
            action: 'message.create',
            target: posted?.id,
          }),
        );

        web.mode = 'up';
        const back = await until(
          async () => (await answer('buh')).userMessage === undefined,
          probes(successesToUp + 1),
        );
        expect(back).toBeGreaterThanOrEqual(probes(successesToUp - 1));
        expect(await byMonitor('Веб-публикация')).toHaveLength(1);
        expect((await monitorStatus(monitor.id)).state).toBe('up');

        // The on-call webhook heard about it once each way, signed.
        await until(async () => hook.bodies('/hook').length >= 2, probes(2));
        const events = hook.bodies('/hook').filter((b) => (b.monitor as { id?: string })?.id === monitor.id);
        expect(events.map((b) => b.type)).toEqual(['monitor.down', 'monitor.up']);
        for (const request of hook.received) {
          expect(request.headers['x-startup-help-signature']).toBe(
            hmacSignature(target.hookSecret, request.body),
          );
        }
      },
    );

    run(
      'the server agent port closes: zup gets the message; it opens again: the message ends',
      async () => {
        const { failuresToDown, successesToUp } = target.probe;
        const agent = await agentPort();
        await createMonitor({ name: 'Агент сервера 1С', kind: 'tcp', target: agent.target, bases: ['zup'] });
        await agent.stop();
        await until(async () => (await answer('zup')).userMessage !== undefined, probes(failuresToDown + 2));
        expect(await answer('hr')).not.toHaveProperty('userMessage');
        await agent.start();
        await until(async () => (await answer('zup')).userMessage === undefined, probes(successesToUp + 2));
      },
      CASE_TIMEOUT,
    );

    run(
      'a flapping target posts at most one message',
      async () => {
        const web = await webPublication();
        web.mode = 'flapping';
        await createMonitor({
          name: 'Мигающий',
          kind: 'http',
          target: web.url('/flap/'),
          bases: ['flap'],
          failuresToDown: 1,
          successesToUp: 1,
        });
        await steps(probes(6));
        expect(web.requests).toBeGreaterThanOrEqual(5);
        expect((await byMonitor('Мигающий')).length).toBeLessThanOrEqual(1);
      },
      CASE_TIMEOUT,
    );

    run(
      'while a maintenance message shows for its bases, a monitor going down posts nothing but records its state',
      async () => {
        await admin('POST', '/api/admin/messages', {
          text: { ru: 'Идут плановые работы до {until}.' },
          bases: ['maint'],
          severity: 'maintenance',
          displayUntil: new Date(target.now() + 10 * 24 * 3_600_000).toISOString(),
          startsAt: new Date(target.now() - 3_600_000).toISOString(),
        });
        const web = await webPublication();
        web.mode = 'down';
        const monitor = await createMonitor({
          name: 'Торговля',
          kind: 'http',
          target: web.url('/maint/'),
          bases: ['maint'],
        });
        await until(
          async () => (await monitorStatus(monitor.id)).state === 'down',
          probes(target.probe.failuresToDown + 2),
        );
        await steps(probes(1));
        expect(await monitorStatus(monitor.id)).toMatchObject({ state: 'down', suppressed: true });
        expect(await byMonitor('Торговля')).toEqual([]);
        expect((await answer('maint')).userMessage).toMatch(/^Идут плановые работы/);
      },
    );

    run(
      'an administrator’s edit of the message is never overwritten, and a deadline they set is theirs to keep',
      async () => {
        const agent = await agentPort();
        const monitor = await createMonitor({
          name: 'Документооборот',
          kind: 'tcp',
          target: agent.target,
          bases: ['edit'],
        });
        await until(async () => (await monitorStatus(monitor.id)).state === 'up', probes(2));
        await agent.stop();
        await until(
          async () => (await byMonitor('Документооборот')).length === 1,
          probes(target.probe.failuresToDown + 2),
        );
        const [posted] = await byMonitor('Документооборот');
        if (!posted) throw new Error('no message');
        const deadline = new Date(target.now() + 5 * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
        const text = {
          ru: 'Сервер 1С перезапускается после обновления. Вход снова будет доступен после {until}.',
        };
        await admin(
          'PATCH',
          `/api/admin/messages/${posted.id}`,
          { text, displayUntil: deadline },
          { 'if-match': `"m${posted.version}"` },
        );
        await steps(probes(3));
        await agent.start();
        await until(
          async () => (await monitorStatus(monitor.id)).state === 'up',
          probes(target.probe.successesToUp + 2),
        );
        const [kept] = await byMonitor('Документооборот');
        expect(kept?.text).toEqual(text);
        expect(Date.parse(kept?.displayUntil ?? '')).toBe(Date.parse(deadline));
        expect((await answer('edit')).userMessage).toMatch(/^Сервер 1С перезапускается/);
        expect(await byMonitor('Документооборот')).toHaveLength(1);
      },
    );
  });
}
