/**
 * "Cambios pendientes": every document and board with changes not yet on the server, across
 * groups, grouped by group with titles from each group's index; "Pendiente — requiere acceso"
 * where the server refused them; and "Exportar cambios", which saves those changes as a file a
 * person can hand to an administrator. Nothing here deletes or changes a pending change.
 */
import { FileText, KanbanSquare, ListTree, MessagesSquare } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared/model/ids';
import type { Room } from '../../../shared/protocol/rooms';
import type { IndexEntry } from '../../../shared/ydoc/groupIndexDoc';
import { useApp } from '../../app/AppContext';
import { boardHref, docHref } from '../../app/route';
import { savePendingChanges } from '../../platform/desktop';
import { readPendingUpdate } from '../../sync/pendingChanges';
import { useRegistry } from '../../sync/RegistryContext';
import { useGroupIndex } from '../groups/useGroupIndex';
import { pendingExportJson, type PendingExportRoom } from './pendingExport';
import { usePendingRooms, type PendingRoomState } from './usePendingRooms';
import './pending.css';

export function PendingChangesPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const rooms = usePendingRooms();
  const { me } = useApp();
  const groups = useMemo(() => groupRooms(rooms ?? []), [rooms]);
  // Each group's section reports its rooms' titles (from its index) for the export file.
  const [titles, setTitles] = useState<Record<string, string | null>>({});
  const onTitles = useCallback(
    (found: Record<string, string | null>) => setTitles((prev) => ({ ...prev, ...found })),
    [],
  );
  const exporter = useExport(rooms ?? [], titles);

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog pending-panel">
          <Dialog.Title className="dialog-title">{t('pending.title')}</Dialog.Title>
          <Dialog.Description className="dialog-description">
            {rooms !== null && rooms.length === 0 ? t('pending.empty') : t('pending.description')}
          </Dialog.Description>
          {rooms?.some((room) => room.refused) === true && (
            <p className="notice">{t('pending.refusedExplain')}</p>
          )}
          {rooms === null && <p className="pending-loading">{t('app.loading')}</p>}
          {groups.map(([groupId, groupRooms]) => {
            const name = me.memberships.find((m) => m.group.id === groupId)?.group.name ?? null;
            return (
              <PendingGroup
                key={groupId}
                groupId={groupId}
                groupName={name}
                rooms={groupRooms}
                onTitles={onTitles}
                onNavigate={onClose}
              />
            );
          })}
          {exporter.message !== null && (
            <p className="pending-export-message" role="status">
              {exporter.message}
            </p>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button button-quiet">
                {t('pending.close')}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="button button-primary"
              disabled={rooms === null || rooms.length === 0 || exporter.busy}
              onClick={() => void exporter.run()}
            >
              {t('pending.export')}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function groupRooms(rooms: PendingRoomState[]): [GroupId, PendingRoomState[]][] {
  const byGroup = new Map<GroupId, PendingRoomState[]>();
  for (const room of rooms) {
    const list = byGroup.get(room.room.groupId) ?? [];
    list.push(room);
    byGroup.set(room.room.groupId, list);
  }
  return [...byGroup];
}

interface PendingGroupProps {
  groupId: GroupId;
  groupName: string | null;
  rooms: PendingRoomState[];
  onTitles: (titles: Record<string, string | null>) => void;
  onNavigate: () => void;
}

function PendingGroup({ groupId, groupName, rooms, onTitles, onNavigate }: PendingGroupProps) {
  const { t } = useTranslation();
  const { index } = useGroupIndex(groupId);
  const heading = groupName ?? t('pending.unknownGroup');
  const entries = index?.entries;
  const titled = useMemo(
    () => rooms.map((room) => ({ room, title: titleOf(room.room, entries) })),
    [rooms, entries],
  );
  useEffect(() => {
    onTitles(Object.fromEntries(titled.map(({ room, title }) => [room.name, title])));
  }, [titled, onTitles]);
  return (
    <section className="pending-group" aria-label={heading}>
      <h3 className="pending-group-name">{heading}</h3>
      <ul className="pending-list">
        {titled.map(({ room, title }) => (
          <PendingRow key={room.name} room={room} title={title} onNavigate={onNavigate} />
        ))}
      </ul>
    </section>
  );
}

function titleOf(room: Room, entries: IndexEntry[] | undefined): string | null {
  const id = room.kind === 'board' ? room.boardId : room.kind === 'index' ? null : room.docId;
  if (id === null || entries === undefined) return null;
  return entries.find((entry) => entry.id === id)?.title ?? null;
}

function PendingRow({
  room,
  title,
  onNavigate,
}: {
  room: PendingRoomState;
  title: string | null;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const { kind } = room.room;
  const Icon =
    kind === 'board'
      ? KanbanSquare
      : kind === 'index'
        ? ListTree
        : kind === 'threads'
          ? MessagesSquare
          : FileText;
  const label =
    kind === 'index'
      ? t('pending.groupIndex')
      : kind === 'threads'
        ? t('pending.threadsOf', { title: title ?? t('pending.untitled') })
        : (title ?? t(kind === 'board' ? 'pending.untitledBoard' : 'pending.untitled'));
  const href =
    room.room.kind === 'doc' || room.room.kind === 'threads'
      ? docHref(room.room.groupId, room.room.docId)
      : room.room.kind === 'board'
        ? boardHref(room.room.groupId, room.room.boardId)
        : null;
  return (
    <li className="pending-row">
      <Icon aria-hidden="true" size={16} className="pending-icon" />
      <span className="pending-title">
        {href === null ? (
          label
        ) : (
          <a href={href} onClick={onNavigate}>
            {label}
          </a>
        )}
        <span className="pending-kind">{t(`pending.kind.${kind}`)}</span>
      </span>
      <span className="pending-count">{t('pending.changes', { count: room.changes })}</span>
      <span className={room.refused ? 'pending-state pending-refused' : 'pending-state'}>
        {room.refused ? t('pending.refused') : t('pending.waiting')}
      </span>
    </li>
  );
}

function useExport(rooms: PendingRoomState[], titles: Record<string, string | null>) {
  const { t } = useTranslation();
  const registry = useRegistry();
  const { me, serverUrl } = useApp();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const db = registry.database();
      const exported: PendingExportRoom[] = [];
      for (const room of rooms) {
        exported.push({
          room: room.name,
          kind: room.room.kind,
          groupId: room.room.groupId,
          group: me.memberships.find((m) => m.group.id === room.room.groupId)?.group.name ?? null,
          title: titles[room.name] ?? null,
          changes: room.changes,
          lastChangeAt: room.lastChangeAt,
          refused: room.refused,
          update: await readPendingUpdate(db, room.name),
        });
      }
      const exportedAt = new Date();
      const json = pendingExportJson(
        {
          server: new URL(serverUrl).origin,
          user: { id: me.user.id, name: me.user.name, email: me.user.email },
          exportedAt,
        },
        exported,
      );
      const outcome = await savePendingChanges(
        t('pending.fileName', { date: exportedAt.toISOString().slice(0, 10) }),
        json,
      );
      if (outcome.status === 'saved') {
        setMessage(t('pending.exported', { fileName: outcome.fileName }));
      }
    } catch {
      setMessage(t('pending.exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run };
}
