// Folder arithmetic on URIs of any scheme (`file:` on the desktop; `vscode-vfs:`, `vscode-remote:` and the like in a
// browser): what the fields-file search and the workspace folders need, without node:path, so the same code runs in a
// web worker. Paths compare as the URI's decoded path, scheme and authority included.
import { URI, Utils } from 'vscode-uri';

/** The folder holding `uri` (the root stays the root). */
export function parentOf(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

/** `name` inside `folder`. */
export function childOf(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder), name).toString();
}

function folderPath(folder: URI): string {
  return folder.path.endsWith('/') ? folder.path.slice(0, -1) : folder.path;
}

function sameRoot(a: URI, b: URI): boolean {
  return a.scheme === b.scheme && a.authority.toLowerCase() === b.authority.toLowerCase();
}

/** `uri`'s path below `folder` with `/` (`''` for the folder itself); undefined when it is not inside. */
export function relativeTo(folder: string, uri: string): string | undefined {
  const base = URI.parse(folder);
  const target = URI.parse(uri);
  if (!sameRoot(base, target)) return undefined;
  const prefix = folderPath(base);
  if (target.path === prefix || target.path === `${prefix}/`) return '';
  return target.path.startsWith(`${prefix}/`) ? target.path.slice(prefix.length + 1) : undefined;
}

/** Whether `uri` is `folder` or inside it. */
export function isInside(uri: string, folder: string): boolean {
  return relativeTo(folder, uri) !== undefined;
}

/**
 * A path from a setting (`webhookTemplates.fieldsFile`) as a URI: relative to `folder` (`..` allowed, `\` read as
 * `/`), or absolute on the folder's own file system (`/x/y.json`; `C:\x\y.json` for a folder on disk).
 */
export function resolveFrom(folder: string, path: string): string {
  const base = URI.parse(folder);
  const slashed = path.replace(/\\/g, '/');
  if (/^[a-zA-Z]:\//.test(slashed)) return base.scheme === 'file' ? URI.file(slashed).toString() : base.with({ path: `/${slashed}` }).toString();
  if (slashed.startsWith('/')) return base.with({ path: slashed }).toString();
  return Utils.resolvePath(base, slashed).toString();
}

/** How a URI outside every workspace folder is shown to the user: a path on disk, else the URI itself. */
export function shownLocation(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
