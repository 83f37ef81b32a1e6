export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export interface ElectronProbe {
  electronDir: string | null;
  env: Record<string, string | undefined>;
  platform: string;
  fileExists: (file: string) => boolean;
  readText: (file: string) => string | null;
}

export function findElectronBinary(probe: ElectronProbe): ElectronBinary;
export function detectElectron(
  fromDir?: string,
  env?: Record<string, string | undefined>,
  platform?: string,
): ElectronBinary;
