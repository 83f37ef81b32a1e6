import { describe, expect, it, vi } from 'vitest';
import { createPendingQuestion, createQuitGuard } from '../../../../electron/main/quitGuard';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createQuitGuard', () => {
  function setup(pending: number | null, quitAnyway: boolean) {
    const confirmQuit = vi.fn(() => Promise.resolve(quitAnyway));
    const guard = createQuitGuard({ countPending: () => Promise.resolve(pending), confirmQuit });
    const proceed = vi.fn();
    return { guard, confirmQuit, proceed };
  }

  it('quits without asking when everything is on the server', async () => {
    const { guard, confirmQuit, proceed } = setup(0, false);
    const event = { preventDefault: vi.fn() };
    guard.intercept(event, proceed);
    await flush();
    expect(confirmQuit).not.toHaveBeenCalled();
    expect(proceed).toHaveBeenCalledOnce();
    const again = { preventDefault: vi.fn() };
    guard.intercept(again, proceed);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('asks with the count, and stays when the person chooses to wait', async () => {
    const { guard, confirmQuit, proceed } = setup(4, false);
    const event = { preventDefault: vi.fn() };
    guard.intercept(event, proceed);
    await flush();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(confirmQuit).toHaveBeenCalledWith(4);
    expect(proceed).not.toHaveBeenCalled();
    const next = { preventDefault: vi.fn() };
    guard.intercept(next, proceed);
    expect(next.preventDefault).toHaveBeenCalled();
  });

  it('quits when the person chooses to quit anyway', async () => {
    const { guard, proceed } = setup(2, true);
    guard.intercept({ preventDefault: vi.fn() }, proceed);
    await flush();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('quits when the renderer does not answer, rather than never', async () => {
    const { guard, confirmQuit, proceed } = setup(null, false);
    guard.intercept({ preventDefault: vi.fn() }, proceed);
    await flush();
    expect(confirmQuit).not.toHaveBeenCalled();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('asks once while a question is open (window close and before-quit together)', async () => {
    const { guard, confirmQuit, proceed } = setup(1, false);
    guard.intercept({ preventDefault: vi.fn() }, proceed);
    guard.intercept({ preventDefault: vi.fn() }, proceed);
    await flush();
    expect(confirmQuit).toHaveBeenCalledOnce();
  });
});

describe('createPendingQuestion', () => {
  it('resolves with the answer to its own request id only', async () => {
    const question = createPendingQuestion(1000);
    let sent = -1;
    const answer = question.ask((id) => (sent = id));
    question.answer(sent + 100, 9);
    question.answer(sent, 3);
    await expect(answer).resolves.toBe(3);
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const question = createPendingQuestion(4000);
      const answer = question.ask(() => undefined);
      vi.advanceTimersByTime(4000);
      await expect(answer).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up at once when the window is gone', async () => {
    const question = createPendingQuestion(4000);
    await expect(
      question.ask(() => {
        throw new Error('Object has been destroyed');
      }),
    ).resolves.toBeNull();
  });
});
