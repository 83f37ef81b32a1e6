import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { SearchService } from './SearchService';

export const SearchContext = createContext<SearchService | null>(null);

export function useSearchService(): SearchService {
  const service = useContext(SearchContext);
  if (service === null) throw new Error('useSearchService needs a SearchContext provider');
  return service;
}

/** A number that changes whenever search results or availability could have changed. */
export function useSearchVersion(service: SearchService): number {
  const subscribe = useCallback((notify: () => void) => service.subscribe(notify), [service]);
  const getVersion = useCallback(() => service.getVersion(), [service]);
  return useSyncExternalStore(subscribe, getVersion, getVersion);
}
