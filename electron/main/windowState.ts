/**
 * The window opens where the person left it. Saved bounds are trusted only as far as the
 * screens attached now allow: a window saved on a monitor that is gone, or larger than any
 * screen, is moved and shrunk onto a visible work area instead of opening off-screen.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of the title bar must be on a screen for the saved position to count as visible. */
const MIN_VISIBLE = 64;

export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { bounds?: Partial<Rect>; maximized?: unknown };
    const b = value.bounds ?? {};
    const numbers = [b.x, b.y, b.width, b.height];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    return {
      bounds: { x: b.x!, y: b.y!, width: b.width!, height: b.height! },
      maximized: value.maximized === true,
    };
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Bounds to open with: the saved ones when their title bar shows on one of `workAreas`,
 * otherwise the saved size clamped to the primary (first) work area and centred on it;
 * undefined (Electron's default placement) when nothing was saved.
 */
export function restoreBounds(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): Rect | undefined {
  if (saved === null || workAreas.length === 0) return undefined;
  const width = Math.max(MIN_SIZE.width, Math.round(saved.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.bounds.height));
  const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width, height: 32 };
  const home = workAreas.find((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= MIN_VISIBLE && visible.height > 0;
  });
  if (home !== undefined) {
    return {
      x: Math.round(saved.bounds.x),
      y: Math.round(saved.bounds.y),
      width: Math.min(width, Math.max(MIN_SIZE.width, home.width)),
      height: Math.min(height, Math.max(MIN_SIZE.height, home.height)),
    };
  }
  const primary = workAreas[0]!;
  const fitted = {
    width: Math.min(width, Math.max(MIN_SIZE.width, primary.width)),
    height: Math.min(height, Math.max(MIN_SIZE.height, primary.height)),
  };
  return {
    x: primary.x + Math.max(0, Math.round((primary.width - fitted.width) / 2)),
    y: primary.y + Math.max(0, Math.round((primary.height - fitted.height) / 2)),
    ...fitted,
  };
}

export function serializeWindowState(state: WindowState): string {
  return JSON.stringify(state);
}
