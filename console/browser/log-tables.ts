import type { AuditEntryWire as AuditEntry } from '../../contract/audit-entry.ts';
import type { CapturedRequest, ReportsResponse } from '../../contract/captured-request.ts';
import { problemText } from './admin-api.ts';
import type { ConsoleContext } from './console-context.ts';
import { byId, el } from './dom.ts';
import { formatLocal } from './local-time.ts';

function table(headings: string[], rows: (Node | string)[][], empty: string): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, empty);
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...headings.map((heading) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((cell) => el('td', {}, cell))))),
  );
}

const pre = (text: string) => el('pre', {}, text);

async function loadInto(
  ctx: ConsoleContext,
  path: string,
  target: string,
  render: (data: unknown) => HTMLElement,
) {
  const box = byId(target);
  const answer = await ctx.request('GET', path);
  box.replaceChildren(
    answer.status === 200
      ? render(answer.data)
      : el('p', { class: 'error' }, problemText(answer.data, `Could not load (HTTP ${answer.status}).`)),
  );
}

/** Audit log, captured requests and report counters: read-only tables, all text as text. */
export function createLogTables(ctx: ConsoleContext) {
  return {
    audit: () =>
      loadInto(ctx, '/api/admin/audit?limit=200', 'audit-table', (data) => {
        const entries = (data as { entries: AuditEntry[] }).entries;
        return table(
          ['When', 'Who', 'What', 'Target', 'Before → after'],
          entries.map((entry) => [
            formatLocal(entry.at),
            entry.actor,
            entry.action,
            entry.target,
            el(
              'details',
              {},
              el('summary', {}, 'Show'),
              pre(
                `before: ${JSON.stringify(entry.before, null, 2)}\nafter: ${JSON.stringify(entry.after, null, 2)}`,
              ),
            ),
          ]),
          'No changes yet.',
        );
      }),
    requests: () =>
      loadInto(ctx, '/api/admin/requests', 'requests-table', (data) => {
        const requests = (data as { requests: CapturedRequest[] }).requests;
        return table(
          ['When', 'Request', 'Client', 'Headers', 'Body'],
          requests.map((request) => [
            formatLocal(request.at),
            `${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`,
            request.clientAddress ?? '',
            pre(request.headers.map(([name, value]) => `${name}: ${value}`).join('\n')),
            pre(
              request.bodyBytes === 0
                ? '(empty)'
                : `${request.bodyBytes} bytes${request.bodyEncoding === 'base64' ? ', base64' : ''}\n${request.body ?? ''}`,
            ),
          ]),
          'No startup-error requests yet. Point a 1C base at /startup-error/<key> and try to log in.',
        );
      }),
    reports: () =>
      loadInto(ctx, '/api/admin/reports?limit=50', 'reports-table', (data) => {
        const reports = data as ReportsResponse;
        return el(
          'div',
          {},
          el('p', {}, `Reports received since the service started: ${reports.total}.`),
          el('h3', {}, 'Per base'),
          table(
            ['Base', 'Reports'],
            Object.entries(reports.perBase).map(([base, count]) => [base, String(count)]),
            'No reports.',
          ),
          el('h3', {}, 'Per hour'),
          table(
            ['Hour starting', 'Base', 'Reports'],
            reports.perHour.map((row) => [formatLocal(row.hour), row.baseKey, String(row.count)]),
            'No reports.',
          ),
        );
      }),
  };
}
