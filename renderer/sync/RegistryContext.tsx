import { createContext, useContext } from 'react';
import type { DocRegistry } from './DocRegistry';

export const RegistryContext = createContext<DocRegistry | null>(null);

export function useRegistry(): DocRegistry {
  const registry = useContext(RegistryContext);
  if (registry === null) throw new Error('useRegistry needs a RegistryContext provider');
  return registry;
}
