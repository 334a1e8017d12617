import type { Diagnostic, KeyLine, Section } from './tree.ts';

/** Keys only an infobase entry carries; a section with one of them but no Connect is suspicious. */
const baseOnlyKeys = new Set(
  [
    'App',
    'WA',
    'Version',
    'DefaultApp',
    'DefaultVersion',
    'AdditionalParameters',
    'ClientConnectionSpeed',
    'UseProxy',
    'WSA',
    'AppArch',
    'StartupErrorHelpText',
    'StartupErrorHelpURL',
  ].map((k) => k.toLowerCase()),
);

export function keyLines(section: Section): KeyLine[] {
  return section.body.filter((line): line is KeyLine => line.kind === 'key');
}

/** Cross-line checks: duplicates and bases without a connection string. */
export function diagnoseSections(sections: Section[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seenNames = new Map<string, Section>();
  const seenIds = new Map<string, Section>();
  for (const section of sections) {
    const { header } = section;
    const earlier = seenNames.get(section.name);
    if (earlier) {
      diagnostics.push({
        code: 'duplicate-section',
        severity: 'warning',
        line: header.line,
        offset: header.offset,
        message: `section [${section.name}] also appears on line ${earlier.header.line}; select these bases by --id`,
      });
    } else {
      seenNames.set(section.name, section);
    }

    const keys = new Map<string, KeyLine>();
    for (const line of keyLines(section)) {
      const folded = line.key.toLowerCase();
      const first = keys.get(folded);
      if (first) {
        diagnostics.push({
          code: 'duplicate-key',
          severity: 'error',
          line: line.line,
          offset: line.offset,
          message: `key "${line.key}" appears twice in [${section.name}] (first on line ${first.line}); remove one of them`,
        });
      } else {
        keys.set(folded, line);
      }
    }

    const id = keys.get('id')?.value.trim();
    if (id) {
      const idKey = id.toLowerCase();
      const other = seenIds.get(idKey);
      if (other) {
        diagnostics.push({
          code: 'duplicate-id',
          severity: 'error',
          line: header.line,
          offset: header.offset,
          message: `ID ${id} of [${section.name}] is also used by [${other.name}] on line ${other.header.line}; 1C needs a unique ID per entry`,
        });
      } else {
        seenIds.set(idKey, section);
      }
    }

    if (!keys.has('connect')) {
      const baseKey = [...keys.values()].find((line) => baseOnlyKeys.has(line.key.toLowerCase()));
      if (baseKey) {
        diagnostics.push({
          code: 'base-without-connect',
          severity: 'warning',
          line: header.line,
          offset: header.offset,
          message: `[${section.name}] has "${baseKey.key}" like an infobase but no Connect= line, so 1C shows it as a group`,
        });
      }
    }
  }
  return diagnostics;
}
