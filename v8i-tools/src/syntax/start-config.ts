import type { KeyLine, V8iDocument } from './tree.ts';

/** One `Key=Value` line of a launcher settings file, with its value unquoted and trimmed. */
export interface StartConfigValue {
  value: string;
  line: number;
}

/** What a 1CEStart.cfg says about where base lists are. */
export interface StartConfig {
  /** `CommonInfoBases=`: shared base lists every user of this file sees (often on a share). */
  commonInfoBases: StartConfigValue[];
  /** `CommonCfgLocation=`: further settings files, read the same way. */
  commonCfgLocations: StartConfigValue[];
}

const unquote = (value: string) => value.trim().replace(/^"(.*)"$/, '$1');

/**
 * 1CEStart.cfg has the syntax of a base list without sections, so it is parsed by the same lossless
 * parser (`parseV8i`); this reads its keys, ignoring case as 1C does. A key may repeat: every
 * `CommonInfoBases=` line names one more list.
 */
export function readStartConfig(doc: V8iDocument): StartConfig {
  const lines = [...doc.preamble, ...doc.sections.flatMap((section) => section.body)].filter(
    (line): line is KeyLine => line.kind === 'key',
  );
  const values = (key: string) =>
    lines
      .filter((line) => line.key.toLowerCase() === key.toLowerCase() && unquote(line.value) !== '')
      .map((line) => ({ value: unquote(line.value), line: line.line }));
  return {
    commonInfoBases: values('CommonInfoBases'),
    commonCfgLocations: values('CommonCfgLocation'),
  };
}
