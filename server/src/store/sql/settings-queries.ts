import { DEFAULT_SETTINGS, type Settings } from '../../../../contract/settings.ts';
import { type SqlRow, type SqlStatement, sql } from './sql-driver.ts';
import type { WriteGuard } from './write-guard.ts';

/** body NULL: never saved, the built-in defaults apply. */
export function settingsFromRow(row: SqlRow | undefined): { settings: Settings; version: number } {
  if (!row) return { settings: DEFAULT_SETTINGS, version: 0 };
  const settings = row.body === null ? DEFAULT_SETTINGS : (JSON.parse(String(row.body)) as Settings);
  return { settings, version: Number(row.version) };
}

export const settingsQueries = {
  get: () => sql('SELECT version, body FROM settings WHERE id = 1'),

  atVersion: (version: number): WriteGuard => ({
    where: 'EXISTS (SELECT 1 FROM settings WHERE id = 1 AND version = ?)',
    params: [version],
  }),

  /** Ends the batch of a put; returns the new version when it happened. */
  put: (settings: Settings, expectedVersion: number | undefined): SqlStatement =>
    expectedVersion === undefined
      ? sql(
          'UPDATE settings SET version = version + 1, body = ? WHERE id = 1 RETURNING version',
          JSON.stringify(settings),
        )
      : sql(
          'UPDATE settings SET version = version + 1, body = ? WHERE id = 1 AND version = ? RETURNING version',
          JSON.stringify(settings),
          expectedVersion,
        ),
};
