import { createContext, useContext } from 'react';
import type { LocalProfile, SettingsStore } from '../storage/SettingsStore';

export interface AppContextValue {
  serverUrl: string;
  profile: LocalProfile;
  settings: SettingsStore;
  saveProfile: (profile: LocalProfile) => Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp needs an AppContext provider');
  return value;
}
