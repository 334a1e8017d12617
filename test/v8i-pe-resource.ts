/**
 * Reads a resource out of a Windows PE executable (the format of v8i-win-x64.exe), by type id and
 * name, following the PE/COFF specification: data directory 2 → resource tree (type → name → language)
 * → data entry. Enough to prove the .exe carries the CLI without running it.
 */

export interface PeFacts {
  machine: number;
  /** IMAGE_SUBSYSTEM_WINDOWS_CUI (3) for a console program. */
  subsystem: number;
  /** Size of the Authenticode certificate table (0: not signed). */
  signatureSize: number;
}

function headers(pe: Buffer) {
  if (pe.toString('latin1', 0, 2) !== 'MZ') throw new Error('not an MZ executable');
  const header = pe.readUInt32LE(0x3c);
  if (pe.toString('latin1', header, header + 4) !== 'PE\0\0') throw new Error('no PE signature');
  const coff = header + 4;
  const optional = coff + 20;
  const magic = pe.readUInt16LE(optional);
  const directories = optional + (magic === 0x20b ? 112 : 96);
  const sections = optional + pe.readUInt16LE(coff + 16);
  return { coff, optional, directories, sections, count: pe.readUInt16LE(coff + 2) };
}

export function peFacts(pe: Buffer): PeFacts {
  const { coff, optional, directories } = headers(pe);
  return {
    machine: pe.readUInt16LE(coff),
    subsystem: pe.readUInt16LE(optional + 68),
    signatureSize: pe.readUInt32LE(directories + 4 * 8 + 4),
  };
}

export function peResource(pe: Buffer, type: number, name: string): Buffer | undefined {
  const { directories, sections, count } = headers(pe);
  const rva = pe.readUInt32LE(directories + 2 * 8);
  const toOffset = (address: number): number => {
    for (let i = 0; i < count; i++) {
      const section = sections + i * 40;
      const virtual = pe.readUInt32LE(section + 12);
      const size = Math.max(pe.readUInt32LE(section + 8), pe.readUInt32LE(section + 16));
      if (address >= virtual && address < virtual + size)
        return address - virtual + pe.readUInt32LE(section + 20);
    }
    throw new Error(`RVA ${address} is in no section`);
  };
  const base = toOffset(rva);
  const entries = (directory: number) => {
    const total = pe.readUInt16LE(base + directory + 12) + pe.readUInt16LE(base + directory + 14);
    return Array.from({ length: total }, (_, i) => {
      const entry = base + directory + 16 + i * 8;
      const id = pe.readUInt32LE(entry);
      const target = pe.readUInt32LE(entry + 4);
      const label =
        id & 0x80000000
          ? pe.toString(
              'utf16le',
              base + (id & 0x7fffffff) + 2,
              base + (id & 0x7fffffff) + 2 + 2 * pe.readUInt16LE(base + (id & 0x7fffffff)),
            )
          : id;
      return { label, target: target & 0x7fffffff, isDirectory: (target & 0x80000000) !== 0 };
    });
  };
  const byType = entries(0).find((e) => e.label === type && e.isDirectory);
  const byName = byType && entries(byType.target).find((e) => e.label === name && e.isDirectory);
  const language = byName && entries(byName.target)[0];
  if (!language || language.isDirectory) return undefined;
  const data = base + language.target;
  const start = toOffset(pe.readUInt32LE(data));
  return pe.subarray(start, start + pe.readUInt32LE(data + 4));
}
