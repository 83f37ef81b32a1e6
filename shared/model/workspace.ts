/** Server-authoritative records the client reads over HTTP (ARCHITECTURE §2). */
import type { GroupId } from './ids';

export interface WorkingGroup {
  id: GroupId;
  name: string;
  purpose: string;
}

export interface Workspace {
  id: string;
  name: string;
  groups: WorkingGroup[];
}
