/** Shapes of the HTTP API answers, shared by the server and the renderer. */
import type { Workspace } from '../model/workspace';

export const API_PATHS = {
  health: '/healthz',
  workspace: '/api/workspace',
} as const;

export interface HealthResponse {
  ok: true;
}

export type WorkspaceResponse = Workspace;

export interface ApiError {
  error: { code: string; message: string };
}
