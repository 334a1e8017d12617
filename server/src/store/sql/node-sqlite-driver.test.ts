import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeSqliteDriver } from './node-sqlite-driver.ts';

/** Nice values of this process's threads (Linux keeps one per thread). */
function threadNiceness(): number[] {
  return readdirSync('/proc/self/task').map(niceOf);
}

function niceOf(tid: string | number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // After the command name: the state, then 15 more fields; nice is the 19th of the whole line.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe('the database thread', () => {
  it('runs below the priority of the thread answering 1C clients', async () => {
    const before = threadNiceness().filter((n) => n === 19).length;
    const driver = await openNodeSqliteDriver({ file: ':memory:' });
    try {
      expect(threadNiceness().filter((n) => n === 19).length).toBe(before + 1);
      // The thread answering requests keeps its own priority.
      expect(niceOf(process.pid)).toBe(0);
      const [result] = await driver.batch([{ sql: 'SELECT 1 AS one' }], 'read');
      expect(result?.rows).toEqual([{ one: 1 }]);
    } finally {
      await driver.close();
    }
  });
});
