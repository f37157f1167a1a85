import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidParam } from '../../core/fields.ts';
import type { RouteDeps } from '../../server/http.ts';
import { refundDto } from '../payments/payments.schemas.ts';
import {
  cancelBody,
  checkoutBody,
  checkoutDto,
  compBody,
  fanMembershipDto,
  membershipDto,
  membershipListQuery,
  membershipPage,
  myMembershipDto,
  membershipOfferDto,
  giftCheckoutDto,
  giftDto,
  giftInput,
  myGiftsDto,
  offerCodeParam,
  offerDto,
  offerInput,
  publicOfferDto,
  purchaseRefundBody,
  purchaseStatusDto,
  staffTierDto,
  tierDto,
  tierInput,
  tierPatch,
} from './memberships.schemas.ts';

/** What the membership page offers (anyone may look before signing in): tiers, and how paying works here. */
export const membershipPublicRoutes: FastifyPluginAsyncZod<RouteDeps<'tiers' | 'payments' | 'offers'>> = async (app, deps) => {
  const { tiers, payments, offers } = deps.services;
  app.get(
    '/memberships/offers/:code',
    { schema: { tags: ['memberships'], summary: "An offer link's discounted first period", params: offerCodeParam, response: { 200: publicOfferDto } } },
    async (req) => offers.byCode(req.ctx, req.params.code),
  );
  app.get(
    '/memberships/offer',
    { schema: { tags: ['memberships'], summary: 'Membership tiers on offer (lowest rank first) and how paying works', response: { 200: membershipOfferDto } } },
    async (req) => ({ tiers: await tiers.offered(req.ctx), ...(await payments.checkoutTerms(req.ctx, 'membership')) }),
  );
};

/** A fan's own membership: buy a period, wait for it to settle, cancel, see receipts. */
export const membershipFanRoutes: FastifyPluginAsyncZod<RouteDeps<'memberships' | 'gifts'>> = async (app, deps) => {
  const { memberships, gifts } = deps.services;
  const tags = ['fan'];
  app.addHook('preHandler', deps.hooks.fanIfAny);
  app.get('/', { schema: { tags, summary: 'My membership and receipts', response: { 200: myMembershipDto } } }, async (req) => memberships.mine(req.ctx));
  app.post(
    '/checkout',
    { schema: { tags, summary: 'Buy a period of a tier: what to do next to pay', body: checkoutBody, response: { 201: checkoutDto } } },
    async (req, reply) => reply.status(201).send(await memberships.checkout(req.ctx, req.body)),
  );
  app.get(
    '/purchases/:id',
    {
      schema: { tags, summary: 'One of my membership purchases, and my membership once it has settled', params: uuidParam, response: { 200: purchaseStatusDto } },
    },
    async (req) => memberships.purchaseStatus(req.ctx, req.params.id),
  );
  app.post(
    '/cancel',
    { schema: { tags, summary: 'Cancel at the end of the period (and say why)', body: cancelBody, response: { 200: membershipDto } } },
    async (req) => memberships.cancel(req.ctx, req.body),
  );
  app.post(
    '/gifts',
    { schema: { tags, summary: "Give a period of a tier to someone's email: what to do next to pay", body: giftInput, response: { 201: giftCheckoutDto } } },
    async (req, reply) => reply.status(201).send(await gifts.buy(req.ctx, req.body)),
  );
  app.get('/gifts', { schema: { tags, summary: 'Gifts waiting for my email, and gifts I gave', response: { 200: myGiftsDto } } }, async (req) =>
    gifts.mine(req.ctx),
  );
  app.get('/gifts/:id', { schema: { tags, summary: 'A gift I gave or was given', params: uuidParam, response: { 200: giftDto } } }, async (req) =>
    gifts.get(req.ctx, req.params.id),
  );
  app.post('/gifts/:id/claim', { schema: { tags, summary: 'Claim a gift made to my email (once)', params: uuidParam, response: { 200: giftDto } } }, async (req) =>
    gifts.claim(req.ctx, req.params.id),
  );
};

/** Staff: tiers, members, complimentary periods and refunds of periods. */
export const membershipAdminRoutes: FastifyPluginAsyncZod<RouteDeps<'memberships' | 'tiers' | 'offers'>> = async (app, deps) => {
  const { memberships, tiers, offers } = deps.services;
  const tags = ['admin: memberships'];
  app.get('/membership-offers', { schema: { tags, summary: 'Offers, newest first', response: { 200: z.array(offerDto) } } }, async (req) => offers.list(req.ctx));
  app.post(
    '/membership-offers',
    { schema: { tags, summary: 'Create an offer: a discounted first period through a link', body: offerInput, response: { 201: offerDto } } },
    async (req, reply) => reply.status(201).send(await offers.create(req.ctx, req.body)),
  );
  app.post('/membership-offers/:id/end', { schema: { tags, summary: 'End an offer now', params: uuidParam, response: { 200: offerDto } } }, async (req) =>
    offers.end(req.ctx, req.params.id),
  );
  app.get('/membership-tiers', { schema: { tags, summary: 'Every tier, archived too', response: { 200: z.array(staffTierDto) } } }, async (req) =>
    tiers.list(req.ctx),
  );
  app.post('/membership-tiers', { schema: { tags, summary: 'Create a tier', body: tierInput, response: { 201: tierDto } } }, async (req, reply) =>
    reply.status(201).send(await tiers.create(req.ctx, req.body)),
  );
  app.patch(
    '/membership-tiers/:id',
    {
      schema: { tags, summary: 'Edit a tier (a new price applies to periods bought from now on)', params: uuidParam, body: tierPatch, response: { 200: tierDto } },
    },
    async (req) => tiers.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/membership-tiers/:id/archive',
    { schema: { tags, summary: 'Stop offering a tier (members keep it until their period ends)', params: uuidParam, response: { 200: tierDto } } },
    async (req) => tiers.setArchived(req.ctx, req.params.id, true),
  );
  app.post(
    '/membership-tiers/:id/restore',
    { schema: { tags, summary: 'Offer an archived tier again', params: uuidParam, response: { 200: tierDto } } },
    async (req) => tiers.setArchived(req.ctx, req.params.id, false),
  );
  app.delete(
    '/membership-tiers/:id',
    { schema: { tags, summary: 'Delete a tier nobody has held (else archive it)', params: uuidParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await tiers.remove(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/memberships',
    { schema: { tags, summary: 'Memberships, most recently changed first', querystring: membershipListQuery, response: { 200: membershipPage } } },
    async (req) => memberships.list(req.ctx, req.query),
  );
  app.get(
    '/fans/:id/membership',
    { schema: { tags, summary: "A fan's membership and every purchase", params: uuidParam, response: { 200: fanMembershipDto } } },
    async (req) => memberships.ofFan(req.ctx, req.params.id),
  );
  app.post(
    '/fans/:id/membership/comps',
    { schema: { tags, summary: 'Grant a complimentary period', params: uuidParam, body: compBody, response: { 201: fanMembershipDto } } },
    async (req, reply) => reply.status(201).send(await memberships.grant(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/membership-purchases/:id/refund',
    {
      schema: {
        tags,
        summary: 'Refund a bought period in full (its time is taken back once the provider confirms)',
        params: uuidParam,
        body: purchaseRefundBody,
        response: { 201: refundDto },
      },
    },
    async (req, reply) => reply.status(201).send(await memberships.refundPurchase(req.ctx, req.params.id, req.body.reason)),
  );
};
