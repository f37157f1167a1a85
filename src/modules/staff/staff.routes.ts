import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import { credentialRateLimit, STAFF_COOKIE, type RouteDeps } from '../../server/http.ts';
import {
  acceptInviteBody,
  apiTokenDto,
  createTokenBody,
  invitationDto,
  invitationPreviewDto,
  invitationTokenParam,
  inviteBody,
  setupBody,
  staffDto,
  staffLoginBody,
} from './staff.schemas.ts';

const staffEnvelope = z.object({ staff: staffDto });

/** Console doors that work before sign-in: first-run setup, sign-in, invitation links. */
export const consoleAuthRoutes: FastifyPluginAsyncZod<RouteDeps<'staff' | 'invitations' | 'auth'>> = async (app, deps) => {
  const { staff, invitations, auth } = deps.services;
  const tags = ['console: sign-in'];

  app.get(
    '/setup',
    { schema: { tags, summary: 'Whether the owner must still be created', response: { 200: z.object({ needsSetup: z.boolean() }) } } },
    async (req) => ({ needsSetup: await staff.needsSetup(req.ctx) }),
  );
  app.post(
    '/setup',
    {
      schema: { tags, summary: 'Create the owner (first run only)', body: setupBody, response: { 201: staffEnvelope } },
      config: credentialRateLimit(deps),
    },
    async (req, reply) => {
      const { staff: member, session } = await staff.setupOwner(req.ctx, req.body);
      deps.cookies.set(reply, STAFF_COOKIE, session);
      return reply.status(201).send({ staff: member });
    },
  );
  app.post(
    '/login',
    {
      schema: { tags, summary: 'Staff sign-in', body: staffLoginBody, response: { 200: staffEnvelope } },
      config: credentialRateLimit(deps),
    },
    async (req, reply) => {
      const { staff: member, session } = await staff.login(req.ctx, req.body);
      deps.cookies.set(reply, STAFF_COOKIE, session);
      return { staff: member };
    },
  );
  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'The signed-in staff member, or null when nobody is signed in (200 either way: the console asks before it shows the sign-in page)',
        response: { 200: z.object({ staff: staffDto.nullable() }) },
      },
    },
    async (req) => {
      const token = deps.cookies.read(req, STAFF_COOKIE);
      return { staff: token ? await staff.session(req.ctx, token) : null };
    },
  );
  app.post('/logout', { schema: { tags, summary: 'Staff sign-out', response: { 204: z.null() } } }, async (req, reply) => {
    const token = deps.cookies.read(req, STAFF_COOKIE);
    if (token) await auth.endSession(req.ctx, token);
    deps.cookies.clear(reply, STAFF_COOKIE);
    return reply.status(204).send(null);
  });
  app.get(
    '/invitations/:token',
    { schema: { tags, summary: 'Preview an invitation link', params: invitationTokenParam, response: { 200: invitationPreviewDto } } },
    async (req) => invitations.preview(req.ctx, req.params.token),
  );
  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation and set a password',
        params: invitationTokenParam,
        body: acceptInviteBody,
        response: { 200: staffEnvelope },
      },
      config: credentialRateLimit(deps),
    },
    async (req, reply) => {
      const { staff: member, session } = await invitations.accept(req.ctx, req.params.token, req.body.password);
      deps.cookies.set(reply, STAFF_COOKIE, session);
      return { staff: member };
    },
  );
};

/** Signed-in staff: who am I, the team, invitations, personal API tokens. */
export const staffAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'staff' | 'invitations' | 'apiTokens'>> = async (app, deps) => {
  const { staff, invitations, apiTokens } = deps.services;
  const tags = ['console: staff'];
  const noContent = { 204: z.null() };

  app.get('/me', { schema: { tags, summary: 'The signed-in staff member', response: { 200: staffDto } } }, async (req) => staff.me(req.ctx));
  app.get('/staff', { schema: { tags, summary: 'List staff', response: { 200: z.object({ items: z.array(staffDto) }) } } }, async (req) => ({
    items: await staff.list(req.ctx),
  }));
  app.delete('/staff/:id', { schema: { tags, summary: 'Remove a staff member (owner only)', params: uuidParam, response: noContent } }, async (req, reply) => {
    await staff.remove(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/staff/invitations',
    { schema: { tags, summary: 'Pending invitations', response: { 200: z.object({ items: z.array(invitationDto) }) } } },
    async (req) => ({ items: await invitations.listPending(req.ctx) }),
  );
  app.post(
    '/staff/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a staff member (owner only); the link is returned once',
        body: inviteBody,
        response: { 201: z.object({ invitation: invitationDto }) },
      },
    },
    async (req, reply) => reply.status(201).send({ invitation: await invitations.invite(req.ctx, req.body) }),
  );
  app.delete(
    '/staff/invitations/:id',
    { schema: { tags, summary: 'Revoke an invitation (owner only)', params: uuidParam, response: noContent } },
    async (req, reply) => {
      await invitations.revoke(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get('/tokens', { schema: { tags, summary: 'My API tokens', response: { 200: z.object({ items: z.array(apiTokenDto) }) } } }, async (req) => ({
    items: await apiTokens.list(req.ctx),
  }));
  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the secret is returned once',
        body: createTokenBody,
        response: { 201: z.object({ token: apiTokenDto, secret: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await apiTokens.create(req.ctx, req.body.name)),
  );
  app.delete('/tokens/:id', { schema: { tags, summary: 'Revoke one of my API tokens', params: uuidParam, response: noContent } }, async (req, reply) => {
    await apiTokens.revoke(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
