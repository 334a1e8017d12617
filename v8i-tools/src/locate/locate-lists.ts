import { decodeBytes } from '../fs/encoding.ts';
import { asFileError, type FileError, type FileSystem } from '../fs/file-system.ts';
import type { PathStyle } from '../fs/path-style.ts';
import { parseV8i } from '../syntax/parse.ts';
import { readStartConfig, type StartConfig } from '../syntax/start-config.ts';
import {
  allUsersConfig,
  currentUserFolder,
  type Env,
  type LauncherFolder,
  profileFolders,
} from './launcher-folders.ts';

export type LocatedRole = 'user-list' | 'user-config' | 'all-users-config' | 'shared-config' | 'shared-list';

/** The settings line that named a shared file. */
export interface NamedBy {
  config: string;
  key: 'CommonInfoBases' | 'CommonCfgLocation';
  line: number;
}

export interface LocatedFile {
  role: LocatedRole;
  path: string;
  /** The profile a user's own list or settings belong to. */
  user?: string;
  exists: boolean;
  writable: boolean;
  /** Why we could not change it (read-only, no permission, a web address). */
  notWritable?: FileError;
  /** Why a settings file could not be read (its encoding, its rights). */
  unreadable?: FileError;
  namedBy: NamedBy[];
}

export interface Located {
  files: LocatedFile[];
  /** Profiles under `--users` that have no 1C launcher folder. */
  profilesWithout1C: string[];
}

export interface LocateRequest {
  style: PathStyle;
  env: Env;
  /** A folder of profiles (`C:\Users`), absolute; without it, the current user. */
  users?: string;
}

/** 1C writes a web address here for lists it downloads; such a list is not a file v8i can change. */
const WEB_ADDRESS = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The files 1C reads to build each user's base list: the user's `ibases.v8i` and `1CEStart.cfg`,
 * the all-users `1CEStart.cfg`, every settings file those name by `CommonCfgLocation=`, and every
 * list named by `CommonInfoBases=` — each with whether it exists and whether we could change it.
 */
export async function locateLists(
  request: LocateRequest,
  fs: FileSystem,
): Promise<{ ok: true; located: Located } | { ok: false; error: FileError }> {
  const { style, env } = request;
  const { path } = style;
  let folders: LauncherFolder[];
  let profilesWithout1C: string[] = [];
  if (request.users !== undefined) {
    if ((await fs.kindOf(request.users)) !== 'folder') {
      return {
        ok: false,
        error: {
          code: 'not-found',
          message: `no such folder: ${request.users}`,
          hint: 'give the folder that holds the profiles, e.g. --users C:\\Users or --users /home',
        },
      };
    }
    ({ folders, without: profilesWithout1C } = await profileFolders(style, request.users, fs));
  } else {
    const current = currentUserFolder(style, env);
    if (!current.ok) return { ok: false, error: { code: 'no-profile', ...current } };
    folders = [current.folder];
  }

  const describe = async (role: LocatedRole, file: string, user?: string): Promise<LocatedFile> => {
    const located: LocatedFile = { role, path: file, exists: false, writable: false, namedBy: [] };
    if (user !== undefined) located.user = user;
    if (WEB_ADDRESS.test(file)) {
      located.notWritable = {
        code: 'web-address',
        message: 'a web address: 1C downloads this list, so it is changed where it is published',
        hint: 'change the file on the web server that publishes it',
      };
      return located;
    }
    located.exists = (await fs.kindOf(file)) === 'file';
    if (!located.exists) return located;
    try {
      await fs.checkWritable(file);
      located.writable = true;
    } catch (error) {
      located.notWritable = asFileError(error);
    }
    return located;
  };

  const own: LocatedFile[] = [];
  const configs: LocatedFile[] = [];
  for (const { user, folder } of folders) {
    const names = await fs.listFolder(folder);
    const named = (name: string) =>
      path.join(folder, names.find((entry) => entry.name.toUpperCase() === name.toUpperCase())?.name ?? name);
    own.push(await describe('user-list', named('ibases.v8i'), user));
    const config = await describe(
      'user-config',
      named(style.name === 'win32' ? '1CEStart.cfg' : '1cestart.cfg'),
      user,
    );
    own.push(config);
    configs.push(config);
  }
  const allUsers = allUsersConfig(style, env);
  if (allUsers !== undefined) {
    const config = await describe('all-users-config', allUsers);
    own.push(config);
    configs.push(config);
  }

  const shared = new Map<string, LocatedFile>();
  const keyOf = (file: string) => (style.name === 'win32' ? file.toUpperCase() : file);
  const seen = new Set(configs.map((config) => keyOf(config.path)));
  const addShared = async (role: LocatedRole, file: string, by: NamedBy) => {
    const key = `${role} ${keyOf(file)}`;
    const known = shared.get(key);
    if (known) {
      known.namedBy.push(by);
      return undefined;
    }
    const located = await describe(role, file);
    located.namedBy.push(by);
    shared.set(key, located);
    return located;
  };

  // Breadth first over settings files; `seen` stops a CommonCfgLocation loop.
  for (let i = 0; i < configs.length; i++) {
    const config = configs[i] as LocatedFile;
    if (!config.exists) continue;
    const read = await readConfig(config.path, fs);
    if (!read.ok) {
      config.unreadable = read.error;
      continue;
    }
    const from = (value: string) =>
      WEB_ADDRESS.test(value) ? value : path.resolve(path.dirname(config.path), value);
    for (const { value, line } of read.config.commonInfoBases) {
      await addShared('shared-list', from(value), { config: config.path, key: 'CommonInfoBases', line });
    }
    for (const { value, line } of read.config.commonCfgLocations) {
      const file = from(value);
      const located = await addShared('shared-config', file, {
        config: config.path,
        key: 'CommonCfgLocation',
        line,
      });
      if (located && !seen.has(keyOf(file))) {
        seen.add(keyOf(file));
        configs.push(located);
      }
    }
  }
  const sharedFiles = [...shared.values()];
  return {
    ok: true,
    located: {
      files: [
        ...own,
        ...sharedFiles.filter((f) => f.role === 'shared-config'),
        ...sharedFiles.filter((f) => f.role === 'shared-list'),
      ],
      profilesWithout1C,
    },
  };
}

/** A settings file in its own encoding (UTF-16 LE with BOM as 1C writes it, or UTF-8), parsed losslessly. */
async function readConfig(
  file: string,
  fs: FileSystem,
): Promise<{ ok: true; config: StartConfig } | { ok: false; error: FileError }> {
  try {
    const decoded = decodeBytes((await fs.readFile(file)).bytes);
    if (!decoded.ok)
      return { ok: false, error: { code: decoded.code, message: decoded.message, hint: decoded.hint } };
    return { ok: true, config: readStartConfig(parseV8i(decoded.text)) };
  } catch (error) {
    return { ok: false, error: asFileError(error) };
  }
}
