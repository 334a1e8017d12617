import type { CapturedRequest, ReportsResponse } from '../../contract/captured-request.ts';
import { problemText } from './admin-api.ts';
import { baseLabel, type ConsoleContext, timesOf } from './console-context.ts';
import { byId, el } from './dom.ts';

/**
 * A read-only table, all text as text. Each cell carries its column's name, so on a phone the
 * table turns into one card per row without losing what a value is.
 */
export function table(
  headings: readonly string[],
  rows: readonly (Node | string)[][],
  empty: string,
): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, empty);
  return el(
    'table',
    { class: 'cards' },
    el('thead', {}, el('tr', {}, ...headings.map((heading) => el('th', { scope: 'col' }, heading)))),
    el(
      'tbody',
      {},
      ...rows.map((cells) =>
        el('tr', {}, ...cells.map((cell, index) => el('td', { 'data-label': headings[index] ?? '' }, cell))),
      ),
    ),
  );
}

export const pre = (text: string) => el('pre', {}, text);

/** GETs `path` and puts what `render` makes of it into `target`, or says why it could not. */
export async function loadInto(
  ctx: ConsoleContext,
  path: string,
  target: 'requests-table' | 'reports-table' | 'audit-table',
  render: (data: unknown) => HTMLElement,
): Promise<unknown> {
  const box = byId(target);
  const answer = await ctx.request('GET', path);
  box.replaceChildren(
    answer.status === 200
      ? render(answer.data)
      : el('p', { class: 'error' }, problemText(answer.data, ctx.texts.couldNotLoad(answer.status))),
  );
  return answer.status === 200 ? answer.data : undefined;
}

/** Captured requests: what the 1C platform sent, exactly. */
export function loadRequests(ctx: ConsoleContext): Promise<unknown> {
  const { texts } = ctx;
  return loadInto(ctx, '/api/admin/requests', 'requests-table', (data) => {
    const times = timesOf(ctx);
    const requests = (data as { requests: CapturedRequest[] }).requests;
    return table(
      [texts.colWhen, texts.colRequest, texts.colClient, texts.colHeaders, texts.colBody],
      requests.map((request) => [
        times.at(request.at),
        `${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`,
        request.clientAddress ?? '',
        pre(request.headers.map(([name, value]) => `${name}: ${value}`).join('\n')),
        pre(
          request.bodyBytes === 0
            ? texts.emptyBody
            : `${texts.bodyBytes(request.bodyBytes, request.bodyEncoding === 'base64')}\n${request.body ?? ''}`,
        ),
      ]),
      texts.noRequests,
    );
  });
}

/** Login-error report counters per base and per hour. */
export function loadReports(ctx: ConsoleContext): Promise<unknown> {
  const { texts } = ctx;
  return loadInto(ctx, '/api/admin/reports?limit=50', 'reports-table', (data) => {
    const times = timesOf(ctx);
    const reports = data as ReportsResponse;
    return el(
      'div',
      {},
      el('p', {}, texts.reportsTotal(reports.total)),
      el('h3', {}, texts.perBase),
      table(
        [texts.colBase, texts.colReports],
        Object.entries(reports.perBase).map(([base, count]) => [baseLabel(ctx, base), String(count)]),
        texts.noReports,
      ),
      el('h3', {}, texts.perHour),
      table(
        [texts.colHour, texts.colBase, texts.colReports],
        reports.perHour.map((row) => [times.at(row.hour), baseLabel(ctx, row.baseKey), String(row.count)]),
        texts.noReports,
      ),
    );
  });
}
