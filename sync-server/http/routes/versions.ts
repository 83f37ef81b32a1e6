/**
 * Versions of a document and the institutional sign-off on them (issue 11; contract in
 * shared/protocol/versionsApi.ts). Members of the group read versions; leads and editors create
 * and restore them; leads ask for sign-off; one member of each asked organization answers for it,
 * once, before the deadline. Every step is written to the audit log in the same transaction.
 */
import { canonicalUuid } from '../../../shared/model/ids';
import { roomName } from '../../../shared/protocol/rooms';
import type { DocId, GroupId } from '../../../shared/model/ids';
import type { UserId } from '../../../shared/model/accounts';
import {
  answerSignoffBody,
  createSignoffBody,
  createVersionBody,
  type GroupSignoffsResponse,
  type DocumentAuthorsResponse,
  type SignoffResponse,
  type VersionResponse,
  type VersionsResponse,
} from '../../../shared/protocol/versionsApi';
import { verifyVersionState } from '../../../shared/ydoc/versions';
import type { AccountStore } from '../../accounts/accountStore';
import type { Session } from '../../accounts/sessions';
import { mergeUpdates } from '../../storage/storage';
import { contentHash, storeAutoVersion } from '../../versions/autoVersions';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { Origin } from '../../../shared/ydoc/origins';
import { createObservationThread, documentStartAnchor } from '../../../shared/ydoc/signoffThreads';
import type { CommentId, TextAnchor, ThreadId } from '../../../shared/ydoc/threadsDoc';
import { readJson } from '../body';
import { ApiFailure } from '../failure';
import { canManage, roleIn, visibleGroup } from '../permissions';
import { created, ok, type AuthedCall, type Route } from '../route';

const BASE = '/api/groups/:groupId/docs/:docId/versions';

async function memberGroup(call: AuthedCall) {
  const { context, session, params } = call;
  const group = await visibleGroup(context, session, params.groupId!);
  const role = await roleIn(context, session, group);
  if (role === null) {
    throw new ApiFailure(
      403,
      'not_a_member',
      'Solo los miembros de este grupo ven sus versiones; solicite acceso desde el directorio.',
    );
  }
  const docId = canonicalUuid(params.docId!);
  if (docId === null) {
    throw new ApiFailure(404, 'not_found', 'Ese documento no existe en este grupo.');
  }
  return { group, role, docId: docId as DocId };
}

function requireWriter(role: string): void {
  if (role !== 'lead' && role !== 'editor') {
    throw new ApiFailure(
      403,
      'forbidden',
      'Solo quienes pueden editar este documento (líderes y editores) pueden guardar o restaurar versiones.',
    );
  }
}

async function findVersion(store: AccountStore, groupId: string, docId: string, versionId: string) {
  const version = await store.versions.get(groupId, docId, versionId);
  if (version === null) {
    throw new ApiFailure(404, 'version_not_found', 'Esa versión no existe en este documento.');
  }
  return version;
}

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));
const toBase64 = (value: Uint8Array) => Buffer.from(value).toString('base64');

function audit(
  store: AccountStore,
  session: Session,
  groupId: string,
  action:
    | 'version_created'
    | 'version_restored'
    | 'signoff_requested'
    | 'signoff_answered'
    | 'signoff_decided',
  detail: Record<string, unknown>,
): Promise<void> {
  return store.audit.record({
    action,
    actorId: session.user.id,
    groupId,
    detail: JSON.stringify(detail),
  });
}

export const versionRoutes: Route[] = [
  {
    // The newest sign-off of each document, for the group's document list.
    method: 'GET',
    path: '/api/groups/:groupId/signoffs',
    async handle(call) {
      const { context, session, params } = call;
      const group = await visibleGroup(context, session, params.groupId!);
      if ((await roleIn(context, session, group)) === null) {
        throw new ApiFailure(
          403,
          'not_a_member',
          'Solo los miembros de este grupo ven sus aprobaciones; solicite acceso desde el directorio.',
        );
      }
      const body: GroupSignoffsResponse = {
        signoffs: await context.store.versions.latestSignoffs(group.id),
      };
      return ok(body);
    },
  },
  {
    method: 'GET',
    path: BASE,
    async handle(call) {
      const { group, docId } = await memberGroup(call);
      const body: VersionsResponse = {
        versions: await call.context.store.versions.list(group.id, docId),
      };
      return ok(body);
    },
  },
  {
    // Who wrote under each client id of the document's room, for the comparison's authors.
    method: 'GET',
    path: '/api/groups/:groupId/docs/:docId/authors',
    async handle(call) {
      const { group, docId } = await memberGroup(call);
      const room = roomName({ kind: 'doc', groupId: group.id as GroupId, docId });
      const body: DocumentAuthorsResponse = {
        authors: (await call.context.store.clientIds.authors(room)).map((author) => ({
          ...author,
          userId: author.userId as UserId,
        })),
      };
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: BASE,
    async handle(call) {
      const { context, session, req } = call;
      const { group, role, docId } = await memberGroup(call);
      requireWriter(role);
      const input = await readJson(req, createVersionBody);
      const state = fromBase64(input.update);
      const stateVector = fromBase64(input.stateVector);
      const problem = verifyVersionState(state, stateVector);
      if (problem !== null) {
        throw new ApiFailure(
          400,
          'invalid_version_state',
          problem === 'vector_mismatch'
            ? 'El estado enviado no corresponde al vector de estado indicado; vuelva a guardar la versión.'
            : 'El estado enviado no es un documento completo; vuelva a guardar la versión.',
        );
      }
      const hash = contentHash(state);
      const id = input.id ?? crypto.randomUUID();
      const existing = await context.store.versions.exists(id);
      if (existing !== null) {
        // The outbox may send a version twice (the first answer was lost): same content, same answer.
        if (existing.groupId === group.id && existing.docId === docId && existing.hash === hash) {
          return ok(await findVersion(context.store, group.id, docId, id));
        }
        throw new ApiFailure(
          409,
          'version_exists',
          'Ya existe otra versión con ese identificador.',
        );
      }
      const createdAt = Math.min(
        input.capturedAt === undefined ? context.now() : Date.parse(input.capturedAt),
        context.now(),
      );
      await context.store.transaction(async (tx) => {
        await tx.versions.create({
          id,
          groupId: group.id,
          docId,
          kind: 'named',
          name: input.name,
          note: input.note ?? '',
          authorId: session.user.id,
          createdAt,
          stateVector,
          state,
          hash,
        });
        await audit(tx, session, group.id, 'version_created', { docId, versionId: id, hash });
      });
      const {
        state: _state,
        stateVector: _vector,
        ...summary
      } = await findVersion(context.store, group.id, docId, id);
      return created(summary);
    },
  },
  {
    method: 'GET',
    path: `${BASE}/:versionId`,
    async handle(call) {
      const { group, docId } = await memberGroup(call);
      const {
        state,
        stateVector,
        groupId: _g,
        docId: _d,
        ...summary
      } = await findVersion(call.context.store, group.id, docId, call.params.versionId!);
      const body: VersionResponse = {
        ...summary,
        stateVector: toBase64(stateVector),
        update: toBase64(state),
      };
      return ok(body);
    },
  },
  {
    // Keeps the document's current (committed) state as an automatic version before the client
    // restores an older one as new edits, so the restore itself can be undone from the history.
    method: 'POST',
    path: `${BASE}/:versionId/restore`,
    async handle(call) {
      const { context, session } = call;
      const { group, role, docId } = await memberGroup(call);
      requireWriter(role);
      const version = await findVersion(context.store, group.id, docId, call.params.versionId!);
      const room = roomName({ kind: 'doc', groupId: group.id as GroupId, docId });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, mergeUpdates(await context.storage.loadUpdates(room)));
      const autoId = await context.store.transaction(async (tx) => {
        const made = await storeAutoVersion(
          tx,
          group.id,
          docId,
          doc,
          `Antes de restaurar «${version.name === '' ? 'copia automática' : version.name}»`,
          context.now(),
        );
        await audit(tx, session, group.id, 'version_restored', {
          docId,
          versionId: version.id,
          before: made,
        });
        return made;
      });
      doc.destroy();
      const {
        state: _s,
        stateVector: _v,
        ...summary
      } = await findVersion(context.store, group.id, docId, autoId);
      return created(summary);
    },
  },
  {
    method: 'POST',
    path: `${BASE}/:versionId/signoff`,
    async handle(call) {
      const { context, session, req } = call;
      const { group, docId } = await memberGroup(call);
      if (!(await canManage(context, session, group))) {
        throw new ApiFailure(
          403,
          'forbidden',
          'Solo quienes coordinan este grupo pueden pedir la aprobación institucional.',
        );
      }
      const version = await findVersion(context.store, group.id, docId, call.params.versionId!);
      const input = await readJson(req, createSignoffBody);
      const deadline = Date.parse(input.deadline);
      if (deadline <= context.now()) {
        throw new ApiFailure(400, 'invalid_body', 'Revise el campo «deadline»: ya pasó.');
      }
      const inGroup = new Set(
        (await context.store.groups.members(group.id)).map((member) => member.user.organization.id),
      );
      const outside = input.organizations.find((id) => !inGroup.has(id));
      if (outside !== undefined) {
        throw new ApiFailure(
          400,
          'organization_not_in_group',
          'Solo se puede pedir la aprobación a organizaciones con miembros en este grupo.',
        );
      }
      await context.store.transaction(async (tx) => {
        if ((await tx.versions.status(version.id)) !== null) {
          throw new ApiFailure(
            409,
            'signoff_exists',
            'Ya se pidió la aprobación de esta versión; para otra ronda, guarde una versión nueva.',
          );
        }
        await tx.versions.createSignoff({
          versionId: version.id,
          hash: version.hash,
          rule: input.rule,
          deadline,
          requestedBy: session.user.id,
          organizations: input.organizations,
        });
        await audit(tx, session, group.id, 'signoff_requested', {
          docId,
          versionId: version.id,
          hash: version.hash,
          rule: input.rule,
          deadline: input.deadline,
          organizations: input.organizations,
        });
      });
      return created(await context.store.versions.signoff(version));
    },
  },
  {
    method: 'GET',
    path: `${BASE}/:versionId/signoff`,
    async handle(call) {
      const { group, docId } = await memberGroup(call);
      const version = await findVersion(
        call.context.store,
        group.id,
        docId,
        call.params.versionId!,
      );
      const body: SignoffResponse | null = await call.context.store.versions.signoff(version);
      if (body === null) {
        throw new ApiFailure(404, 'signoff_not_found', 'No se pidió aprobación de esta versión.');
      }
      return ok(body);
    },
  },
  {
    method: 'POST',
    path: `${BASE}/:versionId/signoff/answers`,
    async handle(call) {
      const { context, session, req } = call;
      const { group, docId } = await memberGroup(call);
      const version = await findVersion(context.store, group.id, docId, call.params.versionId!);
      const input = await readJson(req, answerSignoffBody);
      const organizationId = session.user.organization.id;
      // Checked inside the transaction, so two members of one organization cannot both answer.
      await context.store.transaction(async (tx) => {
        const { versions } = tx;
        const status = await versions.status(version.id);
        if (status === null) {
          throw new ApiFailure(404, 'signoff_not_found', 'No se pidió aprobación de esta versión.');
        }
        if (!(await versions.asked(version.id, organizationId))) {
          throw new ApiFailure(
            403,
            'organization_not_asked',
            'No se pidió la aprobación de su organización para esta versión.',
          );
        }
        if (await versions.answered(version.id, organizationId)) {
          throw new ApiFailure(
            409,
            'already_answered',
            'Su organización ya respondió; las respuestas no se pueden cambiar.',
          );
        }
        if (context.now() > Date.parse(status.deadline)) {
          throw new ApiFailure(
            409,
            'signoff_closed',
            'El plazo para responder ya venció; la respuesta no se registró.',
          );
        }
        const decided = await versions.answer({
          versionId: version.id,
          organizationId,
          answer: input.answer,
          text: input.text ?? '',
          userId: session.user.id,
        });
        await audit(tx, session, group.id, 'signoff_answered', {
          docId,
          versionId: version.id,
          hash: version.hash,
          organizationId,
          answer: input.answer,
        });
        if (decided !== null) {
          await audit(tx, session, group.id, 'signoff_decided', {
            docId,
            versionId: version.id,
            hash: version.hash,
            outcome: decided,
          });
        }
      });
      if (input.answer === 'approve_with_observations' && (input.text ?? '') !== '') {
        await openObservationThread(call, group.id as GroupId, docId, version.name, input.text!);
      }
      return created(await context.store.versions.signoff(version));
    },
  },
];

/**
 * The observations become a comment thread on the whole document, written by the server because
 * the person answering may only read the group (a viewer cannot write the threads room). The
 * answer is already recorded: a failure here is logged and does not undo it.
 */
async function openObservationThread(
  call: AuthedCall,
  groupId: GroupId,
  docId: DocId,
  versionName: string,
  text: string,
): Promise<void> {
  const { context, session } = call;
  const user = session.user;
  try {
    let anchor: TextAnchor | null = null;
    await context.withRoom(roomName({ kind: 'doc', groupId, docId }), (body) => {
      anchor = documentStartAnchor(body);
    });
    await context.withRoom(roomName({ kind: 'threads', groupId, docId }), (threads) => {
      createObservationThread(
        threads,
        anchor!,
        {
          id: randomUUID() as ThreadId,
          commentId: randomUUID() as CommentId,
          author: { id: user.id, name: user.name, organization: user.organization.name },
          label: `Observación de ${user.organization.name} sobre «${versionName}»`,
          text,
          now: context.now(),
        },
        Origin.server,
      );
    });
  } catch (error) {
    context.log(`Aviso: no se pudo abrir el hilo de observaciones de ${docId}: ${String(error)}`);
  }
}
