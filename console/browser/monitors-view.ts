import type { MonitorTransition, MonitorWithStatus } from '../../contract/monitor.ts';
import { baseName, type ConsoleContext, timesOf } from './console-context.ts';
import { actionButton, byId, el, setText } from './dom.ts';
import { durationWords } from './duration-words.ts';
import { changeItem, fillItems, freshItem, loadItems, wireItemTab } from './item-tab.ts';
import { createMonitorEditor } from './monitor-editor.ts';
import { monitorSituation } from './monitor-form.ts';
import { createPoller } from './poller.ts';
import { problemWords } from './problem-words.ts';

/** How often the list is loaded again while it is on screen. */
const REFRESH_MS = 5_000;

function stateWord(ctx: ConsoleContext, state: 'up' | 'down' | 'unknown' | 'off'): string {
  const { texts } = ctx;
  return { up: texts.stateUp, down: texts.stateDown, unknown: texts.stateUnknown, off: texts.isOff }[state];
}

function percent(ctx: ConsoleContext, value: number | undefined): string {
  if (value === undefined) return ctx.texts.uptimeNone;
  return new Intl.NumberFormat(ctx.language, { style: 'percent', maximumFractionDigits: 1 }).format(
    value / 100,
  );
}

/** The lines under a monitor's name: its state, its message, what it checks, the last check, uptime. */
function details(ctx: ConsoleContext, monitor: MonitorWithStatus): HTMLElement[] {
  const { texts } = ctx;
  const times = timesOf(ctx);
  const situation = monitorSituation(monitor);
  const lines: HTMLElement[] = [];
  const sinceLine =
    situation.state === 'off'
      ? texts.monitorOffLine
      : situation.state === 'unknown'
        ? texts.waitingFirstCheck
        : situation.since
          ? (situation.state === 'up' ? texts.upSince : texts.downSince)(times.at(situation.since))
          : '';
  if (sinceLine) lines.push(el('p', { class: 'situation' }, sinceLine));
  if (situation.state === 'down') {
    const outage = {
      shown: texts.outageShown,
      suppressed: texts.outageSuppressed,
      'taken-over': texts.outageTakenOver,
    };
    lines.push(el('p', { class: `outage ${situation.message}` }, outage[situation.message]));
  }
  const every = durationWords(monitor.intervalSeconds, texts);
  lines.push(el('p', { class: 'meta target' }, texts.monitorTargetLine(monitor.target, every)));
  const probe = monitor.status.lastProbe;
  if (probe) {
    const outcome = probe.ok ? texts.checkOk(probe.ms) : problemWords(probe.problem ?? '', texts);
    lines.push(el('p', { class: 'meta last-check' }, texts.lastCheck(times.at(probe.at), outcome)));
  }
  if (monitor.status.uptime24h !== undefined || monitor.status.uptime7d !== undefined) {
    const uptime = texts.uptimeLine(
      percent(ctx, monitor.status.uptime24h),
      percent(ctx, monitor.status.uptime7d),
    );
    lines.push(el('p', { class: 'meta uptime' }, uptime));
  }
  return lines;
}

/** The Monitors tab: each monitor's state, loaded again every few seconds, with its actions. */
export function createMonitorsView(ctx: ConsoleContext) {
  const notice = byId('monitors-notice');
  let monitors: MonitorWithStatus[] = [];
  /** Monitors whose history is open, with the changes last loaded. */
  const histories = new Map<string, MonitorTransition[]>();
  const editor = createMonitorEditor(ctx, (text) => {
    setText(notice, text);
    void load();
  });
  const poller = createPoller(
    () => !byId('view-monitors').hidden && byId('monitor-form').hidden === true,
    () => load(),
    REFRESH_MS,
  );

  async function loadHistory(id: string) {
    const found = await freshItem<{ transitions?: MonitorTransition[] }>(ctx, 'monitor', id);
    const transitions = found?.item.transitions;
    histories.set(id, transitions ?? []);
    render();
  }

  function history(id: string): HTMLElement | null {
    const transitions = histories.get(id);
    if (!transitions) return null;
    const times = timesOf(ctx);
    if (transitions.length === 0) return el('p', { class: 'meta transitions' }, ctx.texts.noHistory);
    return el(
      'ul',
      { class: 'transitions' },
      ...transitions.map((change) => {
        const state = stateWord(ctx, change.state);
        const problem = change.problem ? ` (${problemWords(change.problem, ctx.texts)})` : '';
        return el(
          'li',
          { class: change.state },
          ctx.texts.historyEntry(times.at(change.at), `${state}${problem}`),
        );
      }),
    );
  }

  function item(monitor: MonitorWithStatus): HTMLLIElement {
    const { texts } = ctx;
    const state = monitorSituation(monitor).state;
    const bases = monitor.bases.map((key) => baseName(ctx, key)).join(', ');
    const open = histories.has(monitor.id);
    return el(
      'li',
      { class: `item monitor ${state}`, 'data-id': monitor.id, 'data-state': state },
      el(
        'div',
        { class: 'head' },
        el('span', { class: `badge state ${state}` }, stateWord(ctx, state)),
        el('strong', { class: 'name' }, monitor.name),
        el('span', { class: 'meta' }, bases),
      ),
      ...details(ctx, monitor),
      el(
        'div',
        { class: 'row actions' },
        actionButton('edit', texts.editItem, async () => {
          const found = await freshItem<MonitorWithStatus>(ctx, 'monitor', monitor.id);
          if (found) editor.open(found.item, found.etag);
        }),
        actionButton('toggle', monitor.enabled ? texts.turnOff : texts.turnOn, async () => {
          await changeItem(ctx, 'monitor', monitor.id, 'PATCH', { enabled: !monitor.enabled });
          await load();
        }),
        actionButton('history', open ? texts.hideHistory : texts.showHistory, async () => {
          if (histories.delete(monitor.id)) render();
          else await loadHistory(monitor.id);
        }),
        actionButton('delete danger', texts.deleteItem, async () => {
          if (!window.confirm(texts.confirmDeleteMonitor)) return;
          await changeItem(ctx, 'monitor', monitor.id, 'DELETE');
          await load();
        }),
      ),
      history(monitor.id),
    );
  }

  const render = () => fillItems('monitor', monitors.map(item), ctx.texts.noMonitors);

  async function load(): Promise<void> {
    const data = await loadItems(ctx, 'monitor');
    poller.kick();
    if (!data) return;
    monitors = (data as { monitors: MonitorWithStatus[] }).monitors;
    for (const id of histories.keys())
      if (!monitors.some((monitor) => monitor.id === id)) histories.delete(id);
    render();
    // An open history follows the state: it is loaded again with the list.
    for (const id of histories.keys()) await loadHistory(id);
  }

  return wireItemTab('monitor', { openNew: () => editor.open(), load, render, relabelForm: editor.relabel });
}
