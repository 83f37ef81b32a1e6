/**
 * The first admin of a real server: from MINKA_ADMIN_EMAIL / MINKA_ADMIN_PASSWORD on first start
 * (only while the database has no user), or from `npm run admin -- create-admin`. An admin needs
 * an organization and the workspace needs a record, so both are made when missing.
 */
import type { User } from '../../shared/model/accounts';
import { MIN_PASSWORD_LENGTH } from '../../shared/protocol/api';
import type { AccountStore } from './accountStore';
import { hashPassword } from './passwords';

export interface AdminInput {
  email: string;
  password: string;
  name: string;
  /** Organization of the admin; created (kind `other`) when no organization has this name. */
  organization?: string;
  /** Name of the workspace, used only when the server has none yet. */
  workspaceName?: string;
}

export const DEFAULT_ADMIN_ORGANIZATION = 'Secretaría técnica del clúster';
export const DEFAULT_WORKSPACE_NAME = 'Clúster Minero del Sur del Perú';

export class AdminInputError extends Error {}

export function checkAdminInput(input: AdminInput): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) {
    throw new AdminInputError(`«${input.email}» no es una dirección de correo válida.`);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AdminInputError(
      `La contraseña de administración debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres.`,
    );
  }
  if (input.name.trim() === '')
    throw new AdminInputError('Indique el nombre de la persona administradora.');
}

/** Creates an admin account (and what it needs); throws AdminInputError when the email is taken. */
export async function createAdmin(store: AccountStore, input: AdminInput): Promise<User> {
  checkAdminInput(input);
  const email = input.email.trim().toLowerCase();
  if ((await store.users.withPassword(email)) !== null) {
    throw new AdminInputError(`Ya existe una cuenta con el correo ${email}.`);
  }
  const passwordHash = await hashPassword(input.password);
  return store.transaction(async (tx) => {
    if ((await tx.groups.workspace()) === null)
      await tx.groups.createWorkspace(input.workspaceName ?? DEFAULT_WORKSPACE_NAME);
    const organizationName = input.organization ?? DEFAULT_ADMIN_ORGANIZATION;
    const organization =
      (await tx.organizations.byName(organizationName)) ??
      (await tx.organizations.create(organizationName, 'other'));
    const user = await tx.users.create({
      email,
      name: input.name.trim(),
      organizationId: organization.id,
      workspaceRole: 'admin',
      passwordHash,
    });
    await tx.audit.record({
      action: 'user_created',
      actorId: null,
      targetUserId: user.id,
      email,
      detail: 'admin',
    });
    return user;
  });
}

/** Creates the admin only when the database has no user at all; true when it did. */
export async function ensureFirstAdmin(store: AccountStore, input: AdminInput): Promise<boolean> {
  if ((await store.users.count()) > 0) return false;
  await createAdmin(store, input);
  return true;
}

/** Sets a new password (from `npm run admin -- reset-password`) and signs the person out everywhere. */
export async function resetPassword(
  store: AccountStore,
  email: string,
  password: string,
): Promise<User> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AdminInputError(
      `La contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres.`,
    );
  }
  const found = await store.users.withPassword(email.trim().toLowerCase());
  if (found === null) throw new AdminInputError(`No existe ninguna cuenta con el correo ${email}.`);
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    await tx.users.setPassword(found.user.id, passwordHash);
    await tx.sessions.revokeAllOf(found.user.id);
    await tx.audit.record({
      action: 'password_reset',
      targetUserId: found.user.id,
      email: found.user.email,
      detail: 'npm run admin',
    });
  });
  return found.user;
}
