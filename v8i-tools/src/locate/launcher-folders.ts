import type { FileSystem } from '../fs/file-system.ts';
import type { PathStyle } from '../fs/path-style.ts';

/** A user's launcher folder: where 1C keeps that user's `ibases.v8i` and `1CEStart.cfg`. */
export interface LauncherFolder {
  user: string;
  folder: string;
}

export type Env = Record<string, string | undefined>;

export type CurrentUser = { ok: true; folder: LauncherFolder } | { ok: false; message: string; hint: string };

/** Inside a profile folder (`C:\Users\ivanov`, `/home/ivanov`). */
function inProfile(style: PathStyle, profile: string): string {
  return style.name === 'win32'
    ? style.path.join(profile, 'AppData', 'Roaming', '1C', '1CEStart')
    : style.path.join(profile, '.1C', '1cestart');
}

/** `%APPDATA%\1C\1CEStart` on Windows, `~/.1C/1cestart` elsewhere, from the environment given. */
export function currentUserFolder(style: PathStyle, env: Env): CurrentUser {
  if (style.name === 'win32') {
    const appData = env.APPDATA;
    if (!appData) {
      return {
        ok: false,
        message: 'APPDATA is not set, so the current user has no known 1C folder',
        hint: 'run it as the user whose lists you mean (a logon script does), or give --users C:\\Users',
      };
    }
    const user = env.USERNAME ?? style.path.basename(env.USERPROFILE ?? appData);
    return { ok: true, folder: { user, folder: style.path.join(appData, '1C', '1CEStart') } };
  }
  const home = env.HOME;
  if (!home) {
    return {
      ok: false,
      message: 'HOME is not set, so the current user has no known 1C folder',
      hint: 'run it as the user whose lists you mean, or give --users /home',
    };
  }
  return {
    ok: true,
    folder: { user: env.USER ?? style.path.basename(home), folder: inProfile(style, home) },
  };
}

/** Every profile under `users` (`C:\Users`, `/home`) that has a launcher folder, by name. */
export async function profileFolders(
  style: PathStyle,
  users: string,
  fs: FileSystem,
): Promise<{ folders: LauncherFolder[]; without: string[] }> {
  const folders: LauncherFolder[] = [];
  const without: string[] = [];
  const profiles = (await fs.listFolder(users)).filter((entry) => entry.kind === 'folder');
  profiles.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name } of profiles) {
    const folder = inProfile(style, style.path.join(users, name));
    if ((await fs.kindOf(folder)) === 'folder') folders.push({ user: name, folder });
    else without.push(name);
  }
  return { folders, without };
}

/** `%ALLUSERSPROFILE%\1C\1CEStart\1CEStart.cfg`, read by the launcher for every user (Windows only). */
export function allUsersConfig(style: PathStyle, env: Env): string | undefined {
  if (style.name !== 'win32') return undefined;
  const programData = env.ALLUSERSPROFILE ?? env.ProgramData ?? 'C:\\ProgramData';
  return style.path.join(programData, '1C', '1CEStart', '1CEStart.cfg');
}
