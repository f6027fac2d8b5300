import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where neocc keeps compiled kernels for `kind` ('wasm', 'cuda-cpu') when NEOCC_CACHE_DIR is unset:
 * `$XDG_CACHE_HOME/neocc/<kind>` (an absolute XDG_CACHE_HOME only, as the XDG spec says), else
 * `~/.cache/neocc/<kind>`; null when no home folder is known. Node only.
 */
export function userCacheFolder(kind: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, 'neocc', kind);
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'neocc', kind) : null;
  } catch {
    return null;
  }
}
