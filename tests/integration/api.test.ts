/**
 * The HTTP API endpoint by endpoint: the success path, and the refusals a client must be able to
 * tell apart (status + error code): missing fields, wrong types, unknown ids, oversized bodies,
 * wrong passwords, disabled users, expired sessions, reused invitations, login limits. Private
 * groups must not leak through any answer to a non-member.
 */
import { describe, expect, it } from 'vitest';
import type {
  AccessRequest,
  AuditResponse,
  CreateInvitationResponse,
  GroupDirectoryEntry,
  GroupsResponse,
  InvitationPreview,
  InvitationsResponse,
  LoginResponse,
  Member,
  MembersResponse,
  MeResponse,
  OrganizationsResponse,
  UsersResponse,
} from '../../shared/protocol/api';
import type { Organization } from '../../shared/model/accounts';
import { call, errorOf, login } from './api';
import { TEST_PASSWORD, addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import { GROUP, startServer, type TestServer } from './helpers';

const PRIVATE = '3c9d7e21-8f4a-4b6c-9d2e-1a7b5c3d9e0f';
const PRIVATE_NAME = 'Base de conocimiento y regulación';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 24 * 60 * 60 * 1000;

interface Cast {
  server: TestServer;
  url: string;
  admin: Person;
  lead: Person;
  editor: Person;
  /** Member of GROUP (listed) only: not of the private group. */
  outsider: Person;
  /** Lead of the private group only. */
  regulator: Person;
  clock: { now: number };
}

async function cast(options: Parameters<typeof startServer>[0] = {}): Promise<Cast> {
  const clock = { now: Date.now() };
  const server = await startServer({ now: () => clock.now, ...options });
  const accounts = openAccounts(server.dataDir, () => clock.now);
  await ensureGroup(accounts, PRIVATE, 'private', PRIVATE_NAME);
  const admin = await addPerson(accounts, { name: 'Admin', email: 'admin@test.demo', admin: true });
  const lead = await addPerson(accounts, {
    name: 'Lía Líder',
    email: 'lia@test.demo',
    groups: { [GROUP]: 'lead' },
    organization: { name: 'Minera de Prueba', kind: 'mining_company' },
  });
  const outsider = await addPerson(accounts, {
    name: 'Omar',
    email: 'omar@test.demo',
    groups: { [GROUP]: 'viewer' },
  });
  const regulator = await addPerson(accounts, {
    name: 'Rita Reguladora',
    email: 'rita@test.demo',
    groups: { [PRIVATE]: 'lead' },
    organization: { name: 'Ministerio de Prueba', kind: 'government_national' },
  });
  return {
    server,
    url: server.url,
    admin,
    lead,
    editor: server.editor,
    outsider,
    regulator,
    clock,
  };
}

describe('auth', () => {
  it('logs in with email and password, in any case of the email, and audits it', async () => {
    const { url, lead, admin } = await cast();
    const answer = await call<LoginResponse>(url, 'POST', '/api/auth/login', {
      body: { email: 'LIA@Test.demo', password: TEST_PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.token).toMatch(/^[\w-]{40,}$/);
    expect(answer.body.user).toMatchObject({
      id: lead.user.id,
      name: 'Lía Líder',
      workspaceRole: 'member',
      disabled: false,
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/scrypt|password/i);
    const me = await call<MeResponse>(url, 'GET', '/api/me', { token: answer.body.token });
    expect(me.status).toBe(200);
    const audit = await call<AuditResponse>(url, 'GET', '/api/audit', { token: admin.token });
    expect(audit.body.entries[0]).toMatchObject({ action: 'login', actor: { id: lead.user.id } });
  });

  it('refuses bad login bodies with 400/413/415 and wrong passwords with 401, audited', async () => {
    const { url, admin } = await cast();
    const cases: Array<[string, Parameters<typeof call>[3], number, string]> = [
      ['missing password', { body: { email: 'lia@test.demo' } }, 400, 'invalid_body'],
      ['missing email', { body: { password: 'x' } }, 400, 'invalid_body'],
      ['wrong types', { body: { email: 42, password: ['x'] } }, 400, 'invalid_body'],
      ['not an email', { body: { email: 'lia', password: 'x' } }, 400, 'invalid_body'],
      ['not JSON', { raw: '{"email":' }, 400, 'invalid_json'],
      [
        'not a JSON content type',
        { raw: 'email=x', headers: { 'Content-Type': 'text/plain' } },
        415,
        'unsupported_media_type',
      ],
      [
        'over 1 MiB',
        { body: { email: 'lia@test.demo', password: 'x'.repeat(1024 * 1024 + 1) } },
        413,
        'payload_too_large',
      ],
      [
        'wrong password',
        { body: { email: 'lia@test.demo', password: 'no-es-esta' } },
        401,
        'invalid_credentials',
      ],
      [
        'unknown email',
        { body: { email: 'nadie@test.demo', password: TEST_PASSWORD } },
        401,
        'invalid_credentials',
      ],
    ];
    for (const [what, options, status, code] of cases) {
      const answer = await call(url, 'POST', '/api/auth/login', options);
      expect({ what, ...errorOf(answer) }).toEqual({ what, status, code });
    }
    const audit = await call<AuditResponse>(url, 'GET', '/api/audit', { token: admin.token });
    expect(
      audit.body.entries
        .filter((entry) => entry.action === 'login_failed')
        .map((entry) => entry.email),
    ).toEqual(['nadie@test.demo', 'lia@test.demo']);
  });

  it('limits failed logins per account and per address with 429 and Retry-After', async () => {
    const { url, clock } = await cast({
      loginLimits: { perAccount: 3, perAddress: 6, windowMs: 60_000 },
    });
    const attempt = (email: string, password = 'equivocada') =>
      call(url, 'POST', '/api/auth/login', { body: { email, password } });
    for (let i = 0; i < 3; i++) expect((await attempt('lia@test.demo')).status).toBe(401);
    const blocked = await attempt('lia@test.demo', TEST_PASSWORD);
    expect(errorOf(blocked)).toEqual({ status: 429, code: 'too_many_attempts' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);

    for (let i = 0; i < 3; i++) expect((await attempt(`otra${i}@test.demo`)).status).toBe(401);
    expect(errorOf(await attempt('omar@test.demo', TEST_PASSWORD))).toEqual({
      status: 429,
      code: 'too_many_attempts',
    });

    clock.now += 61_000;
    expect((await attempt('lia@test.demo', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts addresses from X-Forwarded-For only behind a trusted proxy, so the header cannot dodge the limit', async () => {
    const attempt = (url: string, email: string, from: string) =>
      call(url, 'POST', '/api/auth/login', {
        body: { email, password: 'equivocada' },
        headers: { 'X-Forwarded-For': `203.0.113.9, ${from}` },
      });
    const direct = await cast({ loginLimits: { perAccount: 100, perAddress: 2 } });
    await attempt(direct.url, 'a@test.demo', '198.51.100.1');
    await attempt(direct.url, 'b@test.demo', '198.51.100.2');
    expect((await attempt(direct.url, 'c@test.demo', '198.51.100.3')).status).toBe(429);

    const proxied = await cast({
      loginLimits: { perAccount: 100, perAddress: 2 },
      trustProxy: true,
    });
    await attempt(proxied.url, 'a@test.demo', '198.51.100.1');
    await attempt(proxied.url, 'b@test.demo', '198.51.100.1');
    expect((await attempt(proxied.url, 'c@test.demo', '198.51.100.1')).status).toBe(429);
    expect((await attempt(proxied.url, 'c@test.demo', '198.51.100.2')).status).toBe(401);
  });

  it('refuses a disabled user at login (403) and their open session (403/401)', async () => {
    const { url, admin, lead } = await cast();
    const disable = await call(url, 'PATCH', `/api/users/${lead.user.id}`, {
      token: admin.token,
      body: { disabled: true },
    });
    expect(disable.status).toBe(200);
    expect(
      errorOf(
        await call(url, 'POST', '/api/auth/login', {
          body: { email: lead.email, password: TEST_PASSWORD },
        }),
      ),
    ).toEqual({
      status: 403,
      code: 'user_disabled',
    });
    expect(errorOf(await call(url, 'GET', '/api/me', { token: lead.token }))).toEqual({
      status: 401,
      code: 'session_invalid',
    });
    await call(url, 'PATCH', `/api/users/${lead.user.id}`, {
      token: admin.token,
      body: { disabled: false },
    });
    expect(
      (
        await call(url, 'POST', '/api/auth/login', {
          body: { email: lead.email, password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);
  });

  it('expires a session 30 days after its last use, sliding with each use', async () => {
    const { url, lead, clock } = await cast();
    clock.now += 20 * DAY;
    expect((await call(url, 'GET', '/api/me', { token: lead.token })).status).toBe(200);
    clock.now += 20 * DAY;
    expect((await call(url, 'GET', '/api/me', { token: lead.token })).status).toBe(200);
    clock.now += 31 * DAY;
    expect(errorOf(await call(url, 'GET', '/api/me', { token: lead.token }))).toEqual({
      status: 401,
      code: 'session_expired',
    });
  });

  it('refuses missing and unknown tokens; logout revokes one session, logout-all every one', async () => {
    const { url, lead } = await cast();
    expect(errorOf(await call(url, 'GET', '/api/me'))).toEqual({
      status: 401,
      code: 'unauthenticated',
    });
    expect(errorOf(await call(url, 'GET', '/api/me', { token: 'no-es-un-token' }))).toEqual({
      status: 401,
      code: 'session_invalid',
    });
    const second = await login(url, lead.email, TEST_PASSWORD);
    const third = await login(url, lead.email, TEST_PASSWORD);
    expect((await call(url, 'POST', '/api/auth/logout', { token: second.token })).status).toBe(204);
    expect(errorOf(await call(url, 'GET', '/api/me', { token: second.token }))).toEqual({
      status: 401,
      code: 'session_invalid',
    });
    expect((await call(url, 'GET', '/api/me', { token: third.token })).status).toBe(200);
    expect((await call(url, 'POST', '/api/auth/logout-all', { token: third.token })).status).toBe(
      204,
    );
    for (const token of [lead.token, third.token]) {
      expect(errorOf(await call(url, 'GET', '/api/me', { token }))).toEqual({
        status: 401,
        code: 'session_invalid',
      });
    }
  });
});

describe('me, organizations, users, audit', () => {
  it('GET /api/me: the user, their organization, workspace and memberships', async () => {
    const { url, regulator } = await cast();
    const me = await call<MeResponse>(url, 'GET', '/api/me', { token: regulator.token });
    expect(me.body.organization).toMatchObject({
      name: 'Ministerio de Prueba',
      kind: 'government_national',
    });
    expect(me.body.workspace?.name).toBe('Clúster de prueba');
    expect(me.body.memberships).toEqual([
      {
        group: {
          id: PRIVATE,
          name: PRIVATE_NAME,
          purpose: expect.any(String),
          visibility: 'private',
        },
        role: 'lead',
      },
    ]);
    expect(me.body.user.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('organizations: listed to members, created by admins only, names unique, kinds checked', async () => {
    const { url, admin, lead } = await cast();
    const made = await call<Organization>(url, 'POST', '/api/organizations', {
      token: admin.token,
      body: { name: 'Municipalidad de Prueba', kind: 'government_local' },
    });
    expect(made.status).toBe(201);
    const list = await call<OrganizationsResponse>(url, 'GET', '/api/organizations', {
      token: lead.token,
    });
    expect(list.body.organizations.map((organization) => organization.name)).toContain(
      'Municipalidad de Prueba',
    );
    const create = (token: string, body: unknown) =>
      call(url, 'POST', '/api/organizations', { token, body });
    expect(errorOf(await create(lead.token, { name: 'Otra', kind: 'academia' }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(
      errorOf(await create(admin.token, { name: 'municipalidad de prueba', kind: 'academia' })),
    ).toEqual({ status: 409, code: 'organization_exists' });
    expect(errorOf(await create(admin.token, { name: 'Otra', kind: 'mineria' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    expect(errorOf(await create(admin.token, { kind: 'academia' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
  });

  it('users: admins list them and change them; members cannot; unknown ids are 404', async () => {
    const { url, admin, lead } = await cast();
    const list = await call<UsersResponse>(url, 'GET', '/api/users', { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.users.map((user) => user.email)).toContain('lia@test.demo');
    expect(errorOf(await call(url, 'GET', '/api/users', { token: lead.token }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    const patch = (id: string, body: unknown, token = admin.token) =>
      call(url, 'PATCH', `/api/users/${id}`, { token, body });
    expect((await patch(lead.user.id, { workspaceRole: 'admin' })).body).toMatchObject({
      workspaceRole: 'admin',
    });
    expect(errorOf(await patch(UNKNOWN, { disabled: true }))).toEqual({
      status: 404,
      code: 'user_not_found',
    });
    expect(errorOf(await patch(lead.user.id, {}))).toEqual({ status: 400, code: 'invalid_body' });
    expect(errorOf(await patch(lead.user.id, { disabled: 'yes' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    expect(errorOf(await patch(admin.user.id, { disabled: true }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
  });

  it('audit: an admin outside a private group does not learn which group a row concerns', async () => {
    const { url, admin, regulator, lead } = await cast();
    await call(url, 'POST', '/api/invitations', {
      token: regulator.token,
      body: {
        email: lead.email,
        organizationId: regulator.user.organization.id,
        groupId: PRIVATE,
        role: 'viewer',
      },
    });
    const audit = await call<AuditResponse>(url, 'GET', '/api/audit', { token: admin.token });
    expect(audit.body.entries[0]).toMatchObject({ action: 'invitation_created', groupId: null });
    expect(JSON.stringify(audit.body)).not.toContain(PRIVATE);
  });

  it('audit: admins read it newest first; limit is checked', async () => {
    const { url, admin, lead, editor } = await cast();
    await call(url, 'PATCH', `/api/users/${lead.user.id}`, {
      token: admin.token,
      body: { disabled: true },
    });
    const audit = await call<AuditResponse>(url, 'GET', '/api/audit?limit=5', {
      token: admin.token,
    });
    expect(audit.body.entries[0]).toMatchObject({
      action: 'user_disabled',
      actor: { id: admin.user.id, name: 'Admin' },
      targetUserId: lead.user.id,
    });
    expect(errorOf(await call(url, 'GET', '/api/audit', { token: editor.token }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(errorOf(await call(url, 'GET', '/api/audit?limit=0', { token: admin.token }))).toEqual({
      status: 400,
      code: 'invalid_query',
    });
  });
});

describe('groups and members', () => {
  it('directory: listed groups with their organizations for everyone, private ones for members only', async () => {
    const { url, outsider, regulator } = await cast();
    const seen = await call<GroupsResponse>(url, 'GET', '/api/groups', { token: outsider.token });
    expect(seen.body.groups.map((group) => group.id)).toEqual([GROUP]);
    expect(seen.body.groups[0]).toMatchObject({
      visibility: 'listed',
      myRole: 'viewer',
      accessRequested: false,
      memberCount: 3,
    });
    expect(
      seen.body.groups[0]!.organizations.map((organization) => organization.kind).sort(),
    ).toEqual(['academia', 'mining_company']);
    const member = await call<GroupsResponse>(url, 'GET', '/api/groups', {
      token: regulator.token,
    });
    expect(member.body.groups.find((group) => group.id === PRIVATE)).toMatchObject({
      name: PRIVATE_NAME,
      myRole: 'lead',
    });
    expect(member.body.groups.find((group) => group.id === GROUP)).toMatchObject({ myRole: null });
  });

  it('a private group does not exist for a non-member in any answer', async () => {
    const { url, outsider, regulator } = await cast();
    await call(url, 'POST', '/api/invitations', {
      token: regulator.token,
      body: {
        email: 'nueva@test.demo',
        organizationId: regulator.user.organization.id,
        groupId: PRIVATE,
        role: 'viewer',
      },
    });
    const answers = await Promise.all(
      [
        ['GET', '/api/me'],
        ['GET', '/api/workspace'],
        ['GET', '/api/groups'],
        ['GET', '/api/organizations'],
        ['GET', `/api/groups/${PRIVATE}`],
        ['GET', `/api/groups/${PRIVATE}/members`],
        ['GET', `/api/groups/${PRIVATE}/invitations`],
        ['GET', `/api/groups/${PRIVATE}/access-requests`],
        ['POST', `/api/groups/${PRIVATE}/access-requests`],
        ['PATCH', `/api/groups/${PRIVATE}`],
      ].map(([method, path]) =>
        call(url, method!, path!, {
          token: outsider.token,
          body: method === 'PATCH' ? { name: 'x' } : undefined,
        }),
      ),
    );
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(PRIVATE_NAME);
      expect(text).not.toContain(PRIVATE);
      expect(text).not.toContain('Rita');
    }
    const hidden = answers.slice(4).map((answer) => errorOf(answer));
    expect(hidden.every(({ status, code }) => status === 404 && code === 'group_not_found')).toBe(
      true,
    );
    const unknown = await call(url, 'GET', `/api/groups/${UNKNOWN}`, { token: outsider.token });
    expect(unknown.body).toEqual(answers[4]!.body);
    expect(
      errorOf(await call(url, 'GET', '/api/groups/no-es-un-id', { token: outsider.token })),
    ).toEqual({ status: 404, code: 'group_not_found' });
  });

  it('admins create groups (and lead them); leads edit them; others may not', async () => {
    const { url, admin, lead, editor } = await cast();
    const made = await call<GroupDirectoryEntry>(url, 'POST', '/api/groups', {
      token: admin.token,
      body: { name: 'Agua y relaves', purpose: 'Gestión hídrica', visibility: 'private' },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      name: 'Agua y relaves',
      visibility: 'private',
      myRole: 'lead',
      memberCount: 1,
    });
    expect(
      errorOf(
        await call(url, 'POST', '/api/groups', {
          token: lead.token,
          body: { name: 'X', purpose: '', visibility: 'listed' },
        }),
      ),
    ).toEqual({ status: 403, code: 'forbidden' });
    expect(
      errorOf(
        await call(url, 'POST', '/api/groups', {
          token: admin.token,
          body: { name: 'X', purpose: '', visibility: 'secreto' },
        }),
      ),
    ).toEqual({ status: 400, code: 'invalid_body' });
    const renamed = await call<GroupDirectoryEntry>(url, 'PATCH', `/api/groups/${GROUP}`, {
      token: lead.token,
      body: { purpose: 'Nuevo propósito' },
    });
    expect(renamed.body.purpose).toBe('Nuevo propósito');
    expect(
      errorOf(
        await call(url, 'PATCH', `/api/groups/${GROUP}`, {
          token: editor.token,
          body: { name: 'Y' },
        }),
      ),
    ).toEqual({ status: 403, code: 'forbidden' });
    expect(
      errorOf(await call(url, 'PATCH', `/api/groups/${GROUP}`, { token: lead.token, body: {} })),
    ).toEqual({ status: 400, code: 'invalid_body' });
  });

  it('members: listed to members; leads change roles and remove; the last lead stays; audited', async () => {
    const { url, admin, lead, editor, outsider, regulator } = await cast();
    const members = await call<MembersResponse>(url, 'GET', `/api/groups/${GROUP}/members`, {
      token: outsider.token,
    });
    expect(members.body.members.map((member) => [member.user.name, member.role])).toEqual([
      ['Ana Editora', 'editor'],
      ['Lía Líder', 'lead'],
      ['Omar', 'viewer'],
    ]);
    expect(
      errorOf(await call(url, 'GET', `/api/groups/${GROUP}/members`, { token: regulator.token })),
    ).toEqual({ status: 403, code: 'not_a_member' });

    const member = (id: string) => `/api/groups/${GROUP}/members/${id}`;
    const changed = await call<Member>(url, 'PATCH', member(outsider.user.id), {
      token: lead.token,
      body: { role: 'commenter' },
    });
    expect(changed.body).toMatchObject({ role: 'commenter', user: { id: outsider.user.id } });
    expect(
      errorOf(
        await call(url, 'PATCH', member(outsider.user.id), {
          token: editor.token,
          body: { role: 'lead' },
        }),
      ),
    ).toEqual({ status: 403, code: 'forbidden' });
    expect(
      errorOf(
        await call(url, 'PATCH', member(outsider.user.id), {
          token: lead.token,
          body: { role: 'owner' },
        }),
      ),
    ).toEqual({ status: 400, code: 'invalid_body' });
    expect(
      errorOf(await call(url, 'PATCH', member(outsider.user.id), { token: lead.token, body: {} })),
    ).toEqual({ status: 400, code: 'invalid_body' });
    expect(
      errorOf(
        await call(url, 'PATCH', member(UNKNOWN), { token: lead.token, body: { role: 'viewer' } }),
      ),
    ).toEqual({ status: 404, code: 'member_not_found' });
    expect(
      errorOf(
        await call(url, 'PATCH', member(lead.user.id), {
          token: lead.token,
          body: { role: 'editor' },
        }),
      ),
    ).toEqual({ status: 409, code: 'last_lead' });
    expect(errorOf(await call(url, 'DELETE', member(lead.user.id), { token: lead.token }))).toEqual(
      { status: 409, code: 'last_lead' },
    );

    expect(
      (await call(url, 'DELETE', member(outsider.user.id), { token: lead.token })).status,
    ).toBe(204);
    expect(
      errorOf(await call(url, 'DELETE', member(outsider.user.id), { token: lead.token })),
    ).toEqual({ status: 404, code: 'member_not_found' });
    expect(
      (await call(url, 'DELETE', member(editor.user.id), { token: editor.token })).status,
    ).toBe(204);

    const audit = await call<AuditResponse>(url, 'GET', '/api/audit', { token: admin.token });
    expect(audit.body.entries.slice(0, 3).map((entry) => [entry.action, entry.detail])).toEqual([
      ['membership_removed', 'editor'],
      ['membership_removed', 'commenter'],
      ['role_changed', 'viewer → commenter'],
    ]);
  });
});

describe('access requests', () => {
  it('a member asks to join a listed group; its lead approves with a role or declines', async () => {
    const { server, url, lead, regulator, editor, admin } = await cast();
    const path = `/api/groups/${GROUP}/access-requests`;
    const asked = await call<AccessRequest>(url, 'POST', path, {
      token: regulator.token,
      body: { message: 'Para revisar la normativa' },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'pending',
      user: { id: regulator.user.id },
      message: 'Para revisar la normativa',
    });
    expect(errorOf(await call(url, 'POST', path, { token: regulator.token }))).toEqual({
      status: 409,
      code: 'request_pending',
    });
    expect(errorOf(await call(url, 'POST', path, { token: editor.token }))).toEqual({
      status: 409,
      code: 'already_member',
    });
    expect(
      errorOf(await call(url, 'POST', path, { token: regulator.token, body: { message: 7 } })),
    ).toEqual({ status: 400, code: 'invalid_body' });
    const directory = await call<GroupsResponse>(url, 'GET', '/api/groups', {
      token: regulator.token,
    });
    expect(directory.body.groups.find((group) => group.id === GROUP)?.accessRequested).toBe(true);
    expect(
      (await call<MeResponse>(url, 'GET', '/api/me', { token: lead.token })).body
        .pendingAccessRequests,
    ).toBe(1);

    expect(errorOf(await call(url, 'GET', path, { token: editor.token }))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    const pending = await call<{ requests: AccessRequest[] }>(url, 'GET', path, {
      token: lead.token,
    });
    expect(pending.body.requests).toHaveLength(1);
    const id = pending.body.requests[0]!.id;
    expect(
      errorOf(
        await call(url, 'POST', `${path}/${id}/approve`, {
          token: lead.token,
          body: { role: 'jefe' },
        }),
      ),
    ).toEqual({ status: 400, code: 'invalid_body' });
    expect(
      errorOf(
        await call(url, 'POST', `${path}/${UNKNOWN}/approve`, {
          token: lead.token,
          body: { role: 'viewer' },
        }),
      ),
    ).toEqual({ status: 404, code: 'access_request_not_found' });
    const approved = await call<Member>(url, 'POST', `${path}/${id}/approve`, {
      token: lead.token,
      body: { role: 'commenter' },
    });
    expect(approved.body).toMatchObject({ role: 'commenter', user: { id: regulator.user.id } });
    expect(
      errorOf(await call(url, 'POST', `${path}/${id}/decline`, { token: lead.token })),
    ).toEqual({ status: 404, code: 'access_request_not_found' });

    const carla = await addPerson(openAccounts(server.dataDir), {
      name: 'Carla',
      email: 'carla@test.demo',
    });
    const second = await call<AccessRequest>(url, 'POST', path, { token: carla.token });
    expect(
      (await call(url, 'POST', `${path}/${second.body.id}/decline`, { token: lead.token })).status,
    ).toBe(204);
    const carlaSees = await call<GroupsResponse>(url, 'GET', '/api/groups', { token: carla.token });
    expect(carlaSees.body.groups[0]).toMatchObject({ myRole: null, accessRequested: false });

    const audit = await call<AuditResponse>(url, 'GET', '/api/audit', { token: admin.token });
    expect(audit.body.entries.slice(0, 5).map((entry) => entry.action)).toEqual([
      'access_declined',
      'access_requested',
      'membership_added',
      'access_approved',
      'access_requested',
    ]);
  });
});

describe('invitations', () => {
  const invite = (c: Cast, token: string, body: Record<string, unknown> = {}) =>
    call<CreateInvitationResponse>(c.url, 'POST', '/api/invitations', {
      token,
      body: {
        email: 'nueva@test.demo',
        organizationId: c.lead.user.organization.id,
        groupId: GROUP,
        role: 'editor',
        ...body,
      },
    });

  it('a lead invites; the invitee previews without a token, accepts once with name and password, and is signed in', async () => {
    const c = await cast();
    const made = await invite(c, c.lead.token);
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(/^[\w-]{30,}$/);
    expect(made.body.acceptPath).toBe(`/#/invitation/${made.body.code}`);
    expect(made.body.invitation).toMatchObject({
      email: 'nueva@test.demo',
      role: 'editor',
      status: 'pending',
      group: { id: GROUP },
    });
    const listed = await call<InvitationsResponse>(
      c.url,
      'GET',
      `/api/groups/${GROUP}/invitations`,
      { token: c.lead.token },
    );
    expect(listed.body.invitations.map((invitation) => invitation.email)).toEqual([
      'nueva@test.demo',
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.code);

    const preview = await call<InvitationPreview>(
      c.url,
      'GET',
      `/api/invitations/${made.body.code}`,
    );
    expect(preview.body).toMatchObject({
      email: 'nueva@test.demo',
      role: 'editor',
      accountExists: false,
      invitedBy: { name: 'Lía Líder', organization: 'Minera de Prueba' },
      organization: { name: 'Minera de Prueba' },
    });
    const acceptPath = `/api/invitations/${made.body.code}/accept`;
    expect(
      errorOf(
        await call(c.url, 'POST', acceptPath, { body: { password: 'una-contraseña-larga' } }),
      ),
    ).toEqual({ status: 400, code: 'invalid_body' });
    expect(
      errorOf(
        await call(c.url, 'POST', acceptPath, { body: { name: 'Nadia', password: 'corta' } }),
      ),
    ).toEqual({ status: 400, code: 'weak_password' });
    const accepted = await call<LoginResponse>(c.url, 'POST', acceptPath, {
      body: { name: 'Nadia Nueva', password: 'una-contraseña-larga' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({
      email: 'nueva@test.demo',
      name: 'Nadia Nueva',
      organization: { name: 'Minera de Prueba' },
    });
    const me = await call<MeResponse>(c.url, 'GET', '/api/me', { token: accepted.body.token });
    expect(me.body.memberships.map((membership) => [membership.group.id, membership.role])).toEqual(
      [[GROUP, 'editor']],
    );
    await login(c.url, 'nueva@test.demo', 'una-contraseña-larga');

    expect(
      errorOf(
        await call(c.url, 'POST', acceptPath, {
          body: { name: 'Otra', password: 'otra-contraseña-larga' },
        }),
      ),
    ).toEqual({ status: 410, code: 'invitation_used' });
    expect(errorOf(await call(c.url, 'GET', `/api/invitations/${made.body.code}`))).toEqual({
      status: 410,
      code: 'invitation_used',
    });
    const audit = await call<AuditResponse>(c.url, 'GET', '/api/audit', { token: c.admin.token });
    expect(audit.body.entries.slice(0, 5).map((entry) => entry.action)).toEqual([
      'login',
      'login',
      'membership_added',
      'invitation_accepted',
      'user_created',
    ]);
  });

  it('an existing account accepts with its own password and gains the membership', async () => {
    const c = await cast();
    const made = await invite(c, c.admin.token, { email: c.regulator.email, role: 'commenter' });
    expect(made.status).toBe(201);
    const preview = await call<InvitationPreview>(
      c.url,
      'GET',
      `/api/invitations/${made.body.code}`,
    );
    expect(preview.body.accountExists).toBe(true);
    const path = `/api/invitations/${made.body.code}/accept`;
    expect(errorOf(await call(c.url, 'POST', path, { body: { password: 'equivocada' } }))).toEqual({
      status: 401,
      code: 'invalid_credentials',
    });
    const accepted = await call<LoginResponse>(c.url, 'POST', path, {
      body: { password: TEST_PASSWORD },
    });
    expect(accepted.body.user.id).toBe(c.regulator.user.id);
    const me = await call<MeResponse>(c.url, 'GET', '/api/me', { token: accepted.body.token });
    expect(me.body.memberships.map((membership) => membership.role).sort()).toEqual([
      'commenter',
      'lead',
    ]);
  });

  it('refuses invitations from non-leads, to unknown ids, for members, and expired, revoked or unknown codes', async () => {
    const c = await cast();
    expect(errorOf(await invite(c, c.editor.token))).toEqual({ status: 403, code: 'forbidden' });
    expect(errorOf(await invite(c, c.lead.token, { organizationId: UNKNOWN }))).toEqual({
      status: 404,
      code: 'organization_not_found',
    });
    expect(errorOf(await invite(c, c.lead.token, { groupId: UNKNOWN }))).toEqual({
      status: 404,
      code: 'group_not_found',
    });
    expect(errorOf(await invite(c, c.lead.token, { groupId: PRIVATE }))).toEqual({
      status: 404,
      code: 'group_not_found',
    });
    expect(errorOf(await invite(c, c.lead.token, { email: 'no-es-correo' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    expect(errorOf(await invite(c, c.lead.token, { role: 'dueño' }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    expect(errorOf(await invite(c, c.lead.token, { groupId: undefined }))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    expect(errorOf(await invite(c, c.lead.token, { email: c.editor.email }))).toEqual({
      status: 409,
      code: 'already_member',
    });
    expect(errorOf(await call(c.url, 'GET', '/api/invitations/no-existe'))).toEqual({
      status: 404,
      code: 'invitation_not_found',
    });

    const expiring = await invite(c, c.lead.token);
    c.clock.now += 8 * DAY;
    expect(
      errorOf(
        await call(c.url, 'POST', `/api/invitations/${expiring.body.code}/accept`, {
          body: { name: 'N', password: 'una-contraseña-larga' },
        }),
      ),
    ).toEqual({ status: 410, code: 'invitation_expired' });

    const revoked = await invite(c, c.lead.token, { email: 'otra@test.demo' });
    expect(
      (
        await call(c.url, 'DELETE', `/api/invitations/by-id/${revoked.body.invitation.id}`, {
          token: c.editor.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(c.url, 'DELETE', `/api/invitations/by-id/${revoked.body.invitation.id}`, {
          token: c.lead.token,
        })
      ).status,
    ).toBe(204);
    expect(errorOf(await call(c.url, 'GET', `/api/invitations/${revoked.body.code}`))).toEqual({
      status: 410,
      code: 'invitation_revoked',
    });
    expect(
      errorOf(
        await call(c.url, 'DELETE', `/api/invitations/by-id/${UNKNOWN}`, { token: c.lead.token }),
      ),
    ).toEqual({ status: 404, code: 'invitation_not_found' });
  });
});
