/**
 * A CPU profile of the page over a window of work (Chrome DevTools Protocol), told by where the
 * time went in the source: each sampled frame of the minified renderer bundle is mapped through
 * the build's source map to its module (a package under node_modules, or a file of Minka), so a
 * figure says how much is ProseMirror's, y-tiptap's, React's or Minka's own.
 */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { CDPSession, Page } from '@playwright/test';
import { rendererDir } from '../../e2e/support/servers';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Wall time of the window. */
  totalMs: number;
  /** Time in JavaScript (not idle, not GC, not the browser's own work). */
  jsMs: number;
  gcMs: number;
  /** The browser's own work outside JS (layout, style, paint) as the profiler sees it. */
  programMs: number;
  byModule: Array<{ module: string; ms: number }>;
  byFunction: Array<{ fn: string; module: string; ms: number }>;
}

export class Profiler {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<Profiler> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return new Profiler(cdp);
  }

  /** Stops, saves the raw profile to `savePath` (a .cpuprofile DevTools opens) and summarizes. */
  async stop(savePath?: string): Promise<ProfileSummary> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await this.cdp.detach();
    if (savePath !== undefined) writeFileSync(savePath, JSON.stringify(profile));
    return summarize(profile);
  }
}

/** The renderer build being measured (and whose source maps tell the modules). */
export function buildDir(): string {
  return process.env.PROBE_BUILD ?? rendererDir;
}

const maps = new Map<string, TraceMap | null>();

function mapFor(url: string): TraceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: TraceMap | null = null;
  try {
    const file = path.join(buildDir(), new URL(url).pathname);
    if (existsSync(`${file}.map`)) map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** `node_modules/prosemirror-view/dist/index.js` → `prosemirror-view`; Minka's files as they are. */
export function moduleOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at !== -1) {
    const parts = source.slice(at + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return source.replace(/^(\.\.\/)+/, '');
}

function locate(frame: CallFrame): { module: string; fn: string } {
  const special = frame.functionName;
  if (frame.url === '') {
    if (special === '(idle)' || special === '(program)' || special === '(garbage collector)')
      return { module: special, fn: special };
    return { module: '(native)', fn: special || '(anonymous)' };
  }
  const map = mapFor(frame.url);
  if (map === null) return { module: frame.url, fn: special || '(anonymous)' };
  const original = originalPositionFor(map, {
    line: frame.lineNumber + 1,
    column: Math.max(frame.columnNumber, 0),
  });
  if (original.source === null) return { module: frame.url, fn: special || '(anonymous)' };
  const module = moduleOf(original.source);
  const name = original.name ?? (special || '(anonymous)');
  return { module, fn: `${name} (${module}:${original.line})` };
}

export function summarize(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's delta is the time until it was taken; it belongs to the previous sample's frame.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfTime.set(profile.samples[i]!, (selfTime.get(profile.samples[i]!) ?? 0) + dt);
    total += dt;
  }
  const modules = new Map<string, number>();
  const functions = new Map<string, { module: string; ms: number }>();
  let idle = 0;
  let gc = 0;
  let program = 0;
  for (const [id, ms] of selfTime) {
    const { module, fn } = locate(byId.get(id)!.callFrame);
    if (module === '(idle)') idle += ms;
    else if (module === '(garbage collector)') gc += ms;
    else if (module === '(program)') program += ms;
    else {
      modules.set(module, (modules.get(module) ?? 0) + ms);
      const entry = functions.get(fn) ?? { module, ms: 0 };
      entry.ms += ms;
      functions.set(fn, entry);
    }
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    totalMs: round(total),
    jsMs: round(total - idle - gc - program),
    gcMs: round(gc),
    programMs: round(program),
    byModule: [...modules]
      .map(([module, ms]) => ({ module, ms: round(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 20),
    byFunction: [...functions]
      .map(([fn, { module, ms }]) => ({ fn, module, ms: round(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 25),
  };
}

/** The summary as lines a person reads in a terminal. */
export function formatSummary(title: string, summary: ProfileSummary): string {
  const lines = [
    `${title}: JS ${summary.jsMs} ms, GC ${summary.gcMs} ms, browser ${summary.programMs} ms, window ${summary.totalMs} ms`,
    '  by module:',
    ...summary.byModule
      .slice(0, 12)
      .map((m) => `    ${m.ms.toFixed(1).padStart(8)} ms  ${m.module}`),
    '  by function (self):',
    ...summary.byFunction.slice(0, 15).map((f) => `    ${f.ms.toFixed(1).padStart(8)} ms  ${f.fn}`),
  ];
  return lines.join('\n');
}
