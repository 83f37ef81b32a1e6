export const DEFAULT_PORT: number;

export interface StartOptions {
  build: boolean;
  port: number;
}

export function parseStartArgs(
  argv: readonly string[],
): { ok: true; options: StartOptions } | { ok: false; message: string };

export function findServerUrl(line: string): string | null;

export function browserFallbackLine(reason: string, url: string): string;
