/**
 * The local profile that names a person's caret until accounts exist: chosen on first run,
 * kept on this computer only.
 */
import { z } from 'zod';

export const CARET_COLOURS = [
  '#b4432f',
  '#1f6f8b',
  '#6b4fa0',
  '#2f7d4f',
  '#b8741a',
  '#a23b72',
  '#3b5bab',
  '#5c6b2f',
] as const;

export const profileSchema = z.object({
  name: z.string().trim().min(1).max(80),
  organization: z.string().trim().max(120),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
});

export type Profile = z.infer<typeof profileSchema>;
