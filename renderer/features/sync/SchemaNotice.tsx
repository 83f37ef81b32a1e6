import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { RoomSchema } from '../../sync/RoomConnection';

/**
 * Says why a room cannot be edited or synced because two Minka versions disagree on its schema:
 * the room is newer than this app (update Minka), or the server is older than it (update the
 * server; changes wait on this computer).
 */
export function SchemaNotice({ schema }: { schema: RoomSchema }) {
  const { t } = useTranslation();
  if (schema === 'current') return null;
  return (
    <div className="notice" role="alert">
      <TriangleAlert aria-hidden="true" size={16} />
      <span>{t(schema === 'tooNew' ? 'errors.document_too_new' : 'errors.server_too_old')}</span>
    </div>
  );
}
