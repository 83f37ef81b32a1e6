export * from './origins';
export * from './groupIndexDoc';
export * from './documentDoc';
export * from './threadsDoc';
