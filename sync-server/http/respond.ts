import type { ServerResponse } from 'node:http';
import type { ApiError, ApiErrorCode } from '../../shared/protocol/api';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: ApiErrorCode,
  message: string,
): void {
  const body: ApiError = { error: { code, message } };
  sendJson(res, status, body);
}
