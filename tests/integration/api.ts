/** A small JSON client of the Minka API for tests: every answer comes back as status + body. */
import { expect } from 'vitest';
import type { ApiError, LoginResponse } from '../../shared/protocol/api';

export const bearer = (token: string): Record<string, string> => ({
  Authorization: `Bearer ${token}`,
});

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {
    ...(options.token !== undefined ? bearer(options.token) : {}),
  };
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, ...options.headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text === '' ? null : JSON.parse(text)) as T,
    headers: response.headers,
  };
}

/** The error code of a refused call, checked to have the `{ error: { code, message } }` shape. */
export function errorOf(answer: Answer): { status: number; code: string } {
  const body = answer.body as ApiError;
  expect(body?.error?.message, `message of ${JSON.stringify(body)}`).toEqual(expect.any(String));
  return { status: answer.status, code: body.error.code };
}

export async function login(url: string, email: string, password: string): Promise<LoginResponse> {
  const answer = await call<LoginResponse>(url, 'POST', '/api/auth/login', {
    body: { email, password },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}
