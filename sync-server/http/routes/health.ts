/** GET /healthz: the database answers and no room is failing to commit. */
import { type HealthResponse, API_PATHS } from '../../../shared/protocol/api';
import { ApiFailure } from '../failure';
import { ok, type Route } from '../route';

export const healthRoutes: Route[] = [
  {
    method: 'GET',
    path: API_PATHS.health,
    public: true,
    async handle({ context }) {
      try {
        await context.storage.check();
      } catch {
        throw new ApiFailure(
          503,
          'storage_unavailable',
          'El servidor no puede leer su base de datos; revise el directorio de datos.',
        );
      }
      if (context.commitsFailing()) {
        throw new ApiFailure(
          503,
          'storage_failing',
          'El servidor no logra guardar cambios (¿disco lleno?); revise el directorio de datos.',
        );
      }
      const body: HealthResponse = { ok: true };
      return ok(body);
    },
  },
];
