import { requireOwner, requireStaff } from '../../core/access.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { SALE_CHANNELS, type SaleChannel } from './payments.table.ts';
import { DEFAULT_ORDER, PROVIDER_CATALOGUE, PROVIDER_NAMES, type ProviderName } from './provider-catalogue.ts';
import type { PaymentSettingsDto } from './sale-channels.schemas.ts';
import type { SaleChannelRow, SaleChannelsRepository } from './sale-channels.repository.ts';

/** The channels whose sales can renew by themselves (a membership period; a store order never does). */
const RENEWING: ReadonlySet<SaleChannel> = new Set(['membership']);

/**
 * Which provider each channel of sale pays through: the one the owner chose while it is
 * configured, else the default (the first configured of DEFAULT_ORDER). A choice whose provider
 * is no longer configured is kept, shown to staff as a warning, and never stops a checkout.
 */
export function createSaleChannelsService(deps: { repo: SaleChannelsRepository; providers: PaymentProvider[] }) {
  const { repo } = deps;
  const configured = new Map(deps.providers.map((p) => [p.name, p]));
  const defaultName = DEFAULT_ORDER.find((name) => configured.has(name)) ?? deps.providers[0]!.name;

  const effective = (row: SaleChannelRow | undefined) => {
    const chosen = row?.provider ?? null;
    const fallback = chosen !== null && !configured.has(chosen);
    return { chosen, fallback, provider: configured.get(chosen !== null && !fallback ? chosen : defaultName)! };
  };

  /** Staff: every provider (configured or not, and what turns it on) and every channel of sale with the provider it pays through. */
  async function settings(ctx: Ctx): Promise<PaymentSettingsDto> {
    requireStaff(ctx);
    const rows = new Map((await repo.all(ctx.db)).map((r) => [r.channel, r]));
    return {
      providers: PROVIDER_NAMES.map((name) => {
        const provider = configured.get(name);
        const { recurring, variables } = PROVIDER_CATALOGUE[name];
        return {
          name,
          configured: provider !== undefined,
          // Only a configured provider knows (a Stripe test key's payments are test payments).
          testMode: provider?.testMode ?? null,
          recurring: provider?.recurring ?? recurring,
          variables: [...variables],
          default: name === defaultName,
        };
      }),
      channels: SALE_CHANNELS.map((channel) => {
        const row = rows.get(channel);
        const { chosen, fallback, provider } = effective(row);
        return {
          channel,
          chosen,
          provider: provider.name,
          fallback,
          autoRenew: RENEWING.has(channel) && provider.recurring,
          updatedAt: row?.updatedAt.toISOString() ?? null,
        };
      }),
    };
  }

  return {
    /**
     * The provider that takes this channel's payments now. No access check: checkout asks. One
     * primary-key read of a table of at most three rows.
     */
    async providerFor(ctx: Ctx, channel: SaleChannel): Promise<PaymentProvider> {
      return effective(await repo.find(ctx.db, channel)).provider;
    },

    settings,

    /**
     * The owner chooses the provider a channel of sale pays through (null: the default). Only a
     * configured provider can be chosen. Payments already made keep their own provider.
     */
    async choose(ctx: Ctx, channel: SaleChannel, provider: ProviderName | null): Promise<PaymentSettingsDto> {
      requireOwner(ctx);
      if (provider === null) await repo.remove(ctx.db, channel);
      else {
        if (!configured.has(provider)) throw new AppError('payment.provider_not_configured', { provider });
        await repo.upsert(ctx.db, { channel, provider, updatedAt: ctx.now() });
      }
      return settings(ctx);
    },
  };
}
export type SaleChannelsService = ReturnType<typeof createSaleChannelsService>;
