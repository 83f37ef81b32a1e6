/**
 * The quit guard. Closing Minka never loses work — every edit is already in the renderer's
 * IndexedDB — but edits not yet on the server stop travelling until the app is opened again
 * with a connection. So before the window closes or the app quits, main asks the renderer how
 * many changes are saved only on this computer and, if any, says so in plain words and lets the
 * person quit anyway or wait.
 *
 * The question is a request/response over IPC with a timeout: a renderer that does not answer
 * (hung, crashed, still loading) must not make the app impossible to quit.
 */

export interface PendingQuestion {
  /** Sends the question; resolves with the renderer's count, or null after `timeoutMs`. */
  ask(send: (requestId: number) => void): Promise<number | null>;
  /** The renderer's answer (IpcChannel.answerQuitCheck); unknown or late ids are ignored. */
  answer(requestId: number, pending: number): void;
}

export function createPendingQuestion(
  timeoutMs: number,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): PendingQuestion {
  let nextId = 1;
  const waiting = new Map<number, (pending: number | null) => void>();
  return {
    ask(send) {
      const requestId = nextId++;
      return new Promise((resolve) => {
        const timer = timers.setTimeout(() => {
          waiting.delete(requestId);
          resolve(null);
        }, timeoutMs);
        waiting.set(requestId, (pending) => {
          timers.clearTimeout(timer);
          waiting.delete(requestId);
          resolve(pending);
        });
        try {
          send(requestId);
        } catch {
          waiting.get(requestId)?.(null);
        }
      });
    },
    answer(requestId, pending) {
      waiting.get(requestId)?.(pending);
    },
  };
}

export interface QuitGuardDeps {
  /** How many changes only this computer has; null when the renderer did not say. */
  countPending(): Promise<number | null>;
  /** Shows the native question; true = quit anyway, false = wait. */
  confirmQuit(pending: number): Promise<boolean>;
}

export interface QuitGuard {
  /**
   * For `before-quit` and a window's `close`: lets the event through once the person may leave,
   * otherwise cancels it, asks, and calls `proceed` (app.quit / window.close) if they choose to.
   */
  intercept(event: { preventDefault(): void }, proceed: () => void): void;
}

export function createQuitGuard(deps: QuitGuardDeps): QuitGuard {
  let mayLeave = false;
  let asking = false;
  return {
    intercept(event, proceed) {
      if (mayLeave) return;
      event.preventDefault();
      if (asking) return;
      asking = true;
      void (async () => {
        try {
          const pending = await deps.countPending();
          mayLeave = pending === null || pending === 0 || (await deps.confirmQuit(pending));
        } catch {
          mayLeave = true;
        } finally {
          asking = false;
        }
        if (mayLeave) proceed();
      })();
    },
  };
}
