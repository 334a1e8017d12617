import { AuditEntrySchema } from '../../../contract/audit-entry.ts';
import { Message } from '../../../contract/message.ts';
import { Settings } from '../../../contract/settings.ts';
import * as z from '../../../contract/zod.ts';
import { messageQueries } from './sql/message-queries.ts';
import { type SqlStatement, sql } from './sql/sql-driver.ts';
import { auditInsert, type WriteGuard } from './sql/write-guard.ts';
import { StoreOpenError } from './store.ts';

/** The data file of earlier versions (one JSON file in DATA_DIR), imported once at the first start. */
export const JSON_DATA_FILE = 'startup-help.json';
const FORMAT = 1;

export const JsonDataFile = z.object({
  format: z.literal(FORMAT),
  revision: z.int().check(z.nonnegative()),
  settingsVersion: z.int().check(z.nonnegative()),
  settings: Settings,
  messages: z.array(Message),
  /** Newest first. */
  audit: z.array(AuditEntrySchema),
});
export type JsonDataFile = z.infer<typeof JsonDataFile>;

/**
 * The JSON data file's text → its data, or a `StoreOpenError` saying what is wrong. Nothing is
 * written anywhere before this succeeds, so a damaged file stops the start and stays as it is.
 */
export function parseJsonDataFile(text: string, path: string): JsonDataFile {
  const refuse = (detail: string) =>
    new StoreOpenError(
      `The data file ${path} is damaged: ${detail}. The service will not start, so that it never loses your data. Restore the file from a backup or move it away to start with empty data.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse(`it is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json === 'object' && json && 'format' in json && json.format !== FORMAT) {
    throw new StoreOpenError(
      `The data file ${path} has format ${JSON.stringify(json.format)}, and this version of startup-help imports format ${FORMAT}. Use the startup-help version that wrote it.`,
    );
  }
  const parsed = JsonDataFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw refuse(`${first?.path.join('.') || '(top level)'} ${first?.message ?? 'is not as expected'}`);
  }
  return parsed.data;
}

/** Only into a database nobody has written to, and only once (two processes may start together). */
const EMPTY_DATABASE: WriteGuard = {
  where:
    '(SELECT revision FROM store_state WHERE id = 1) = 0 AND (SELECT imported_json_sha256 FROM store_state WHERE id = 1) IS NULL',
  params: [],
};

/**
 * One batch that imports everything: the settings, every message, the audit trail in its order.
 * Each statement carries the empty-database guard; the last one records the file's hash.
 */
export function importStatements(data: JsonDataFile, sha256: string): SqlStatement[] {
  const statements: SqlStatement[] = [
    sql(
      `UPDATE settings SET version = ?, body = ? WHERE id = 1 AND ${EMPTY_DATABASE.where}`,
      data.settingsVersion,
      data.settingsVersion === 0 ? null : JSON.stringify(data.settings),
    ),
    ...data.messages.map((message) => messageQueries.insert(message, EMPTY_DATABASE)),
    // The file keeps the newest entry first; the table's order is the order things happened.
    ...[...data.audit].reverse().map((entry) => auditInsert(entry, EMPTY_DATABASE).statement),
  ];
  statements.push(
    sql(
      `UPDATE store_state SET revision = 1, imported_json_sha256 = ?,
         audit_bytes = (SELECT coalesce(sum(bytes), 0) FROM audit)
       WHERE id = 1 AND ${EMPTY_DATABASE.where}`,
      sha256,
    ),
  );
  return statements;
}
