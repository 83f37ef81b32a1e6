/**
 * Reads a JSON request body, bounded by MAX_API_BODY_BYTES (413 beyond it, before and while
 * reading), and validates it with a zod schema: a missing field or a wrong type is a 400 that
 * names the field.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { MAX_API_BODY_BYTES } from '../../shared/protocol/api';
import { ApiFailure } from './failure';

const tooLarge = () =>
  new ApiFailure(
    413,
    'payload_too_large',
    'La solicitud supera 1 MiB; envíe menos datos por vez.',
    {
      Connection: 'close',
    },
  );

async function readText(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_API_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_API_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body parsed by `schema`; an empty body counts as `{}` when `optional`. */
export async function readJson<T>(
  req: IncomingMessage,
  schema: z.ZodType<T>,
  optional = false,
): Promise<T> {
  const text = await readText(req);
  let value: unknown = {};
  if (text.trim() !== '' || !optional) {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new ApiFailure(
        415,
        'unsupported_media_type',
        'Envíe el cuerpo como JSON (Content-Type: application/json).',
      );
    }
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiFailure(400, 'invalid_json', 'El cuerpo de la solicitud no es JSON válido.');
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : 'cuerpo';
    throw new ApiFailure(400, 'invalid_body', `Revise el campo «${field}»: ${issue.message}.`);
  }
  return parsed.data;
}
