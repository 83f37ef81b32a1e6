import { createContext, useContext } from 'react';
import type { GroupRole } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import type { MeResponse } from '../../shared/protocol/api';
import type { ApiClient } from '../api/client';
import type { LocalProfile, SettingsStore } from '../storage/SettingsStore';

export interface AppContextValue {
  serverUrl: string;
  /** The signed-in person as their caret shows them (from the account, not chosen locally). */
  profile: LocalProfile;
  settings: SettingsStore;
  me: MeResponse;
  api: ApiClient;
  isAdmin: boolean;
  /** The person's role in a group; null when they are not a member (or the group does not exist). */
  roleIn: (groupId: GroupId) => GroupRole | null;
  /** Re-reads the account and memberships from the server. */
  refreshMe: () => Promise<void>;
  /** Starts signing out (asks first when changes wait on this computer). */
  requestSignOut: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp needs an AppContext provider');
  return value;
}

/** Leads and editors write documents; commenters and viewers read them. */
export function canEditContent(role: GroupRole | null): boolean {
  return role === 'lead' || role === 'editor';
}

/** Leads of the group and workspace admins manage its members. */
export function canManageMembers(role: GroupRole | null, isAdmin: boolean): boolean {
  return isAdmin || role === 'lead';
}
