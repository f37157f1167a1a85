export const PROVIDER_NAMES = ['sandbox', 'wechatpay', 'stripe'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/**
 * Every payment provider Fanbase has, configured here or not: whether it renews a payment by
 * itself, and the environment variables that turn it on (names only: the console shows them to
 * the owner; src/config/env.ts reads them, and the README says what each holds). The sandbox
 * needs none and is always there.
 */
export const PROVIDER_CATALOGUE = {
  sandbox: { recurring: true, variables: [] },
  wechatpay: {
    recurring: false,
    // The private key as text or as a file; the WeChat Pay public key with its id, and/or the platform certificate.
    variables: [
      'WECHATPAY_MCHID',
      'WECHATPAY_APPID',
      'WECHATPAY_SERIAL_NO',
      'WECHATPAY_PRIVATE_KEY',
      'WECHATPAY_PRIVATE_KEY_FILE',
      'WECHATPAY_API_V3_KEY',
      'WECHATPAY_PUBLIC_KEY',
      'WECHATPAY_PUBLIC_KEY_ID',
      'WECHATPAY_PLATFORM_CERT',
    ],
  },
  stripe: { recurring: true, variables: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] },
} as const satisfies Record<ProviderName, { recurring: boolean; variables: readonly string[] }>;

/**
 * Which configured provider takes a channel's payments when the owner chose none (or chose one
 * no longer configured): the first configured of these. Stripe first, as it renews memberships by
 * itself and a test key is labelled as such; then WeChat Pay, which moves real money; the sandbox
 * last, since its payments move none.
 */
export const DEFAULT_ORDER: readonly ProviderName[] = ['stripe', 'wechatpay', 'sandbox'];
