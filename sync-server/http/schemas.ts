/** zod schemas of every request body of the API (types in shared/protocol/api.ts). */
import { z } from 'zod';
import {
  GROUP_ROLES,
  GROUP_VISIBILITIES,
  ORGANIZATION_KINDS,
  WORKSPACE_ROLES,
} from '../../shared/model/accounts';
import { MIN_PASSWORD_LENGTH } from '../../shared/protocol/api';

export const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'no es una dirección de correo')
  .transform((value) => value.toLowerCase());

const name = z.string().trim().min(1).max(120);
const password = z.string().min(1).max(1024);
const role = z.enum(GROUP_ROLES);
const id = z.string().min(1).max(64);

/** A new password: checked separately so its refusal can say `weak_password`. */
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(1024);

export const loginBody = z.object({ email, password });

export const createOrganizationBody = z.object({ name, kind: z.enum(ORGANIZATION_KINDS) });

export const updateUserBody = z
  .object({ disabled: z.boolean().optional(), workspaceRole: z.enum(WORKSPACE_ROLES).optional() })
  .refine(
    (body) => body.disabled !== undefined || body.workspaceRole !== undefined,
    'indique disabled o workspaceRole',
  );

export const createGroupBody = z.object({
  name,
  purpose: z.string().trim().max(2000),
  visibility: z.enum(GROUP_VISIBILITIES),
});

export const updateGroupBody = z
  .object({
    name: name.optional(),
    purpose: z.string().trim().max(2000).optional(),
    visibility: z.enum(GROUP_VISIBILITIES).optional(),
  })
  .refine(
    (body) => Object.values(body).some((value) => value !== undefined),
    'indique algún cambio',
  );

export const changeRoleBody = z.object({ role });

export const accessRequestBody = z.object({ message: z.string().trim().max(1000).optional() });

export const approveBody = z.object({ role });

export const createInvitationBody = z.object({ email, organizationId: id, groupId: id, role });

export const acceptInvitationBody = z.object({ name: name.optional(), password });
