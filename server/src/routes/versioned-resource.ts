import type { Context } from 'hono';
import type { AuditAction } from '../../../contract/audit-entry.ts';
import { changedFields } from '../domain/audit-change.ts';
import { parseIfMatch, type VersionedKind, versionTag } from '../domain/etag.ts';
import type { AuditEntry } from '../store/store.ts';
import { apiError } from './api-error.ts';
import type { AdminEnv, ServiceDeps } from './deps.ts';

/** What every stored, versioned admin resource has. */
export interface VersionedResource {
  id: string;
  version: number;
  createdBy: string;
  updatedBy?: string | undefined;
  updatedAt: string;
}

const NAMES: Record<VersionedKind, string> = {
  message: 'message',
  settings: 'settings',
  monitor: 'monitor',
  schedule: 'maintenance window',
  channel: 'notification channel',
};

/** The version `If-Match` names; 428 without one (and for `*`, which would allow a lost update). */
export function requiredVersion(c: Context, kind: VersionedKind): number {
  const header = c.req.header('if-match');
  const version = parseIfMatch(header, kind);
  if (version === undefined || header?.trim() === '*') {
    throw apiError(428, {
      error: 'precondition-required',
      message: `Send the header "If-Match" with the ETag from your last GET of this ${NAMES[kind]}, so two administrators never overwrite each other.`,
    });
  }
  return version ?? -1;
}

export function notFound(kind: VersionedKind, id: string) {
  return apiError(404, {
    error: 'not-found',
    message: `There is no ${NAMES[kind]} with id "${id}". It may have been deleted; reload the list.`,
  });
}

/** The 412 body: who changed it last and when, and the resource as it is now. */
export function staleResource(kind: VersionedKind, current: VersionedResource) {
  const changedBy = current.updatedBy ?? current.createdBy;
  const etag = versionTag(kind, current.version);
  return apiError(
    412,
    {
      error: 'conflict',
      message: `${changedBy} changed this ${NAMES[kind]} at ${current.updatedAt}, after you loaded it. Review their version, then apply your change again.`,
      changedBy,
      changedAt: current.updatedAt,
      current,
      etag,
    },
    { etag },
  );
}

export function resourceResponse(
  c: Context<AdminEnv>,
  kind: VersionedKind,
  resource: VersionedResource,
  status: 200 | 201,
  extra: Record<string, unknown> = {},
): Response {
  return c.json({ ...resource, ...extra }, status, { etag: versionTag(kind, resource.version) });
}

/**
 * An audit entry for a change made through the admin API by the caller. With both sides (an update),
 * it keeps only the fields that changed.
 */
export function auditOf(
  deps: Pick<ServiceDeps, 'newId' | 'now'>,
  c: Context<AdminEnv>,
  action: AuditAction,
  target: string,
  before?: object,
  after?: object,
): AuditEntry {
  const change =
    before !== undefined && after !== undefined
      ? changedFields(before as Record<string, unknown>, after as Record<string, unknown>)
      : { ...(before !== undefined && { before }), ...(after !== undefined && { after }) };
  return {
    id: deps.newId(),
    at: new Date(deps.now()).toISOString(),
    actor: c.get('actor'),
    action,
    target,
    ...change,
  };
}
