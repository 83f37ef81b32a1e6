import { describe, expect, it } from 'vitest';
import {
  parseWindowState,
  restoreBounds,
  serializeWindowState,
} from '../../../../electron/main/windowState';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const monitorRight = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('restoreBounds', () => {
  it('opens with Electron’s default when nothing was saved', () => {
    expect(restoreBounds(null, [laptop])).toBeUndefined();
  });

  it('keeps bounds that are on a screen attached now', () => {
    const saved = { bounds: { x: 1500, y: 40, width: 1200, height: 800 }, maximized: false };
    expect(restoreBounds(saved, [laptop, monitorRight])).toEqual(saved.bounds);
  });

  it('brings a window saved on a monitor that is gone back onto the primary screen', () => {
    const saved = { bounds: { x: 1500, y: 40, width: 1200, height: 800 }, maximized: true };
    expect(restoreBounds(saved, [laptop])).toEqual({ x: 83, y: 0, width: 1200, height: 728 });
  });

  it('shrinks a window larger than its screen, never below the minimum size', () => {
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(restoreBounds(huge, [laptop])).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
    const tiny = { bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false };
    expect(restoreBounds(tiny, [laptop])).toEqual({ x: 10, y: 10, width: 720, height: 480 });
  });

  it('does not count a title bar hidden above the screen as visible', () => {
    const above = { bounds: { x: 100, y: -600, width: 800, height: 500 }, maximized: false };
    expect(restoreBounds(above, [laptop])?.y).toBeGreaterThanOrEqual(0);
  });

  it('does not count a sliver of title bar at the edge as visible', () => {
    const edge = { bounds: { x: 1340, y: 100, width: 800, height: 500 }, maximized: false };
    expect(restoreBounds(edge, [laptop])).toEqual({ x: 283, y: 114, width: 800, height: 500 });
  });
});

describe('parseWindowState', () => {
  it('round-trips what main saves', () => {
    const state = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true };
    expect(parseWindowState(serializeWindowState(state))).toEqual(state);
  });

  it.each([null, '', '{', '{"bounds":{"x":"1","y":0,"width":1,"height":1}}', '{"bounds":null}'])(
    'treats %j as nothing saved',
    (text) => {
      expect(parseWindowState(text)).toBeNull();
    },
  );
});
