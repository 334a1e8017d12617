import { automationRuleWords } from '../automation-rule-texts.ts';

/** `host:port`, `[v6]:port`: what a tcp monitor connects to. */
export interface TcpTarget {
  host: string;
  port: number;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function parseTcpTarget(target: string): TcpTarget | undefined {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(target.trim());
  if (!match) return undefined;
  const host = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return undefined;
  if (match[2] !== undefined && !HOST.test(host)) return undefined;
  return { host, port };
}

/** Why `target` cannot be probed as `kind`, in plain words in `language`; undefined when it can. */
export function targetProblem(kind: 'http' | 'tcp', target: string, language = 'en'): string | undefined {
  const words = automationRuleWords(language);
  if (kind === 'http') {
    if (URL.canParse(target) && /^https?:$/.test(new URL(target).protocol)) return undefined;
    return words.httpTarget;
  }
  if (parseTcpTarget(target)) return undefined;
  return words.tcpTarget;
}
