import { z } from 'zod';
import { SALE_CHANNELS } from './payments.table.ts';
import { PROVIDER_NAMES } from './provider-catalogue.ts';

export const providerSettingDto = z.object({
  name: z.enum(PROVIDER_NAMES),
  /** Its environment variables are set: it can take payments here. */
  configured: z.boolean(),
  /** Its payments move no real money; null while it is not configured (a Stripe test key's payments are test payments). */
  testMode: z.boolean().nullable(),
  /** It renews a payment by itself (what an auto-renewing membership needs). */
  recurring: z.boolean(),
  /** The environment variables that configure it: names only (the README says which are needed together). */
  variables: z.array(z.string()),
  /** It takes a channel's payments when the owner chose no provider for it, or chose one no longer configured. */
  default: z.boolean(),
});

export const saleChannelDto = z.object({
  channel: z.enum(SALE_CHANNELS),
  /** The provider the owner chose; null: none (the default). */
  chosen: z.string().nullable(),
  /** The provider that takes the channel's payments now. */
  provider: z.string(),
  /** The chosen provider is not configured (any more): the default takes the channel's payments instead. */
  fallback: z.boolean(),
  /** The channel sells what can renew by itself (memberships) and its provider renews it: fans can turn auto-renew on. */
  autoRenew: z.boolean(),
  /** When the owner last chose its provider. */
  updatedAt: z.iso.datetime().nullable(),
});

export const paymentSettingsDto = z.object({ providers: z.array(providerSettingDto), channels: z.array(saleChannelDto) });
export type PaymentSettingsDto = z.infer<typeof paymentSettingsDto>;

export const saleChannelParams = z.object({ channel: z.enum(SALE_CHANNELS) });
/** A configured provider's name, or null to go back to the default. */
export const saleChannelBody = z.object({ provider: z.enum(PROVIDER_NAMES).nullable() });
