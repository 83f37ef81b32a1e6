/**
 * The server's log lines, human (today's Spanish sentences, one per line) or JSON (`--log-format
 * json`: one object per line with `time`, `level`, `instance`, `msg`, and `room` and `user` when
 * the event concerns them), so a log collector can filter one room or one person across every
 * instance. Callers keep calling `log(line)`; those that know the room or person pass them as
 * fields. Lines written before fields existed still name their room ("sala g/…"): JSON mode lifts
 * it into `room`.
 */
export type LogFormat = 'human' | 'json';

export interface LogFields {
  room?: string;
  user?: string;
  event?: string;
  [key: string]: string | number | boolean | undefined;
}

export type Log = (line: string, fields?: LogFields) => void;

const ROOM_IN_LINE = /\bsala (g\/[0-9a-f/-]+[0-9a-z])/;
const USER_IN_LINE = /\bpersona ([0-9a-f-]{36})/;

function level(line: string): 'error' | 'warn' | 'info' {
  if (line.startsWith('ERROR')) return 'error';
  if (line.startsWith('Aviso')) return 'warn';
  return 'info';
}

/**
 * A log function for the chosen format. `write` receives finished lines (console.log by
 * default); in human mode, events that are only interesting to machines (`fields.event` with
 * `machineOnly`) are skipped.
 */
export function createLog(
  format: LogFormat,
  instanceId: string,
  write: (line: string) => void,
  now: () => number = () => Date.now(),
): Log & { event: (name: string, fields: LogFields) => void } {
  const log = (line: string, fields: LogFields = {}): void => {
    if (format === 'human') {
      write(line);
      return;
    }
    const room = fields.room ?? ROOM_IN_LINE.exec(line)?.[1];
    const user = fields.user ?? USER_IN_LINE.exec(line)?.[1];
    write(
      JSON.stringify({
        time: new Date(now()).toISOString(),
        level: level(line),
        instance: instanceId,
        ...fields,
        ...(room === undefined ? {} : { room }),
        ...(user === undefined ? {} : { user }),
        msg: line,
      }),
    );
  };
  /** An event only a log collector wants (a connection opened or closed): JSON mode only. */
  const event = (name: string, fields: LogFields): void => {
    if (format === 'json') log(name, { ...fields, event: name });
  };
  return Object.assign(log, { event });
}
