import { useSyncExternalStore } from 'react';
import type { AppSyncStatus } from './DocRegistry';
import { useRegistry } from './RegistryContext';

export function useAppSyncStatus(): AppSyncStatus {
  const registry = useRegistry();
  return useSyncExternalStore(
    (notify) => registry.subscribe(notify),
    () => registry.getStatus(),
  );
}
