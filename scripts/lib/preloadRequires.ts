/**
 * The check of the built preload: a sandboxed preload can `require` only `electron` (and a few
 * Node polyfills this app does not use); anything else fails at start-up, in a window that then
 * has no bridge. Bundling is what keeps shared/ipc out of `require`, so a bundling mistake would
 * only show on a desktop. The build fails instead (electron.vite.config.ts).
 */
import type { Plugin } from 'vite';

const ALLOWED = new Set(['electron']);

/**
 * Every module the code requires: the literal names, and `<dynamic>` for a require whose name
 * is computed (which the sandbox could not satisfy either).
 */
export function requiresOf(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/\brequire\s*\(\s*(?:(["'`])([^"'`]*)\1\s*\)|([^)]*)\))/g)) {
    found.push(match[2] ?? `<dynamic: ${match[3]!.trim()}>`);
  }
  return found;
}

/** The requires a sandboxed preload cannot satisfy. */
export function forbiddenRequires(code: string): string[] {
  return requiresOf(code).filter((name) => !ALLOWED.has(name));
}

/** Fails the preload build when its output requires anything but `electron`. */
export function sandboxedPreloadRequires(): Plugin {
  return {
    name: 'minka:sandboxed-preload-requires',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const forbidden = forbiddenRequires(output.code);
        if (forbidden.length > 0) {
          this.error(
            `${output.fileName} requires ${forbidden.join(', ')}: a sandboxed preload can require only electron. Bundle the module in, or move the work to main.`,
          );
        }
      }
    },
  };
}
