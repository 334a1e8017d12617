// How fast the client-sw offline page appears in Chromium, measured from the start of a navigation
// to the page's title being visible:
//   - origin refuses connections: median of RUNS (20) navigations, target ≤ 200 ms;
//   - origin hangs: median of HANG_RUNS (5), target ≤ networkTimeoutSeconds + 200 ms.
// Reuses the client-sw browser tests' harness (loopback origin with switchable modes, status stand-in).
// Usage: npm run bench:sw   (build the kit first: npm run build:sw)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPersistentChromium } from '../test/chromium.ts';
import { kitWithConfig, startOrigin, startStatusService } from '../test/client-sw-harness.ts';
import { median } from './lib/statistics.mjs';

const runs = Number(process.env.RUNS ?? 20);
const hangRuns = Number(process.env.HANG_RUNS ?? 5);
const timeoutSeconds = Number(process.env.TIMEOUT_SECONDS ?? 2);

const summary = (values) =>
  `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;

const status = await startStatusService();
await status.setAnswers({
  ru: {
    userMessage: 'Идут плановые работы. Вход снова будет доступен после 14:00 (МСК).',
    displayUntil: new Date(Date.now() + 2 * 3600_000).toISOString(),
  },
});
const kit = await kitWithConfig({
  statusURL: status.statusURL,
  baseName: 'Бухгалтерия',
  helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67' },
  networkTimeoutSeconds: timeoutSeconds,
});
const origin = await startOrigin(kit.dir);
const profile = await mkdtemp(join(tmpdir(), 'bench-sw-'));
const context = await launchPersistentChromium(profile, {
  locale: 'ru-RU',
  timezoneId: 'Europe/Moscow',
});

/** Navigation start → offline page title visible, in ms (wall clock seen from this process). */
async function timeToOfflinePage(page, path) {
  const started = performance.now();
  await page.goto(`${origin.url}${path}`, { waitUntil: 'commit' });
  await page.locator('#sh-title').waitFor({ state: 'visible' });
  return performance.now() - started;
}

try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin.url}/buh/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // The reference: the same navigation answered by the live origin (the web client's own page).
  const online = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await page.goto(`${origin.url}/buh/doc/${i}`, { waitUntil: 'commit' });
    await page.locator('#app').waitFor({ state: 'visible' });
    online.push(performance.now() - started);
  }

  await origin.setMode('refuse');
  await timeToOfflinePage(page, '/buh/warm-up');
  const refused = [];
  for (let i = 0; i < runs; i++) refused.push(await timeToOfflinePage(page, `/buh/doc/${i}?refused`));

  await origin.setMode('hang');
  const hanging = [];
  for (let i = 0; i < hangRuns; i++) hanging.push(await timeToOfflinePage(page, `/buh/doc/${i}?hang`));
  await origin.setMode('ok');

  const hangTarget = timeoutSeconds * 1000 + 200;
  console.log(`client-sw offline page in Chromium (${context.browser()?.version() ?? 'persistent context'})`);
  console.log(`  online page (reference)   ${summary(online)}`);
  console.log(
    `  origin refuses            ${summary(refused)}; target ≤ 200 ms: ${median(refused) <= 200 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  origin hangs (${timeoutSeconds} s timeout) ${summary(hanging)}; target ≤ ${hangTarget} ms: ${median(hanging) <= hangTarget ? 'met' : 'MISSED'}`,
  );
} finally {
  await context.close();
  await origin.close();
  await status.close();
  await kit.remove();
  await rm(profile, { recursive: true, force: true });
}
