/**
 * A festival open for the benchmark, set up through the product's own console API (owner, a
 * published product with one variant per item, a festival with its items, published), then the
 * fans written in bulk through the bench route. The accepted phases' items have the largest quota
 * the console takes and a per-fan limit of 99 (every attempt wins while the fans last 99 rounds);
 * the sold-out ones a small quota and a limit of 1.
 */
export type BenchItems = {
  accepted: string;
  acceptedAtRate: string;
  soldOut: string;
  soldOutAtRate: string;
  rowlockAccepted: string;
  rowlockAcceptedAtRate: string;
  rowlockSoldOut: string;
  rowlockSoldOutAtRate: string;
};

/** The largest quota the console takes. */
export const MAX_QUOTA = 1_000_000;

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function call<T>(url: string, method: string, cookie: string, body?: unknown, status = 200): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== status) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Fans in bulk: each with a live session; answers their cookies. Chunks of 50,000. */
export async function bulkFans(url: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let done = 0; done < n; done += 50_000)
    cookies.push(...(await call<string[]>(`${url}/bench/festival/fans`, 'POST', '', { n: Math.min(50_000, n - done) })));
  return cookies;
}

export async function festivalSetup(url: string, sizes: { fans: number; soldOutQuota: number }): Promise<{ slug: string; items: BenchItems; cookies: string[] }> {
  const setup = await fetch(`${url}/api/console/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@bench.test', name: 'Bench Owner', password: 'bench-owner-password' }),
  });
  if (setup.status !== 201) throw new Error(`owner setup: ${setup.status} ${await setup.text()}`);
  const owner = cookieOf(setup);
  const quotas: Record<keyof BenchItems, number> = {
    accepted: MAX_QUOTA,
    acceptedAtRate: MAX_QUOTA,
    soldOut: sizes.soldOutQuota,
    soldOutAtRate: sizes.soldOutQuota,
    rowlockAccepted: MAX_QUOTA,
    rowlockAcceptedAtRate: MAX_QUOTA,
    rowlockSoldOut: sizes.soldOutQuota,
    rowlockSoldOutAtRate: sizes.soldOutQuota,
  };
  const names = Object.keys(quotas) as (keyof BenchItems)[];
  const product = await call<{ id: string; variants: { id: string; sku: string }[] }>(
    `${url}/api/admin/store/products`,
    'POST',
    owner,
    {
      title: 'Festival phone',
      slug: 'festival-phone',
      images: [{ url: 'https://img.example.com/phone.jpg', alt: 'Phone' }],
      variants: names.map((n) => ({ sku: `phone-${n}`, name: n, price: { amountMinor: 199_900 }, stock: quotas[n] })),
    },
    201,
  );
  await call(`${url}/api/admin/store/products/${product.id}/publish`, 'POST', owner);
  // Opens a few seconds from now: publishing refuses a start in the past.
  const startsAt = new Date(Date.now() + 3_000);
  const slug = 'bench-festival';
  const festival = await call<{ id: string }>(
    `${url}/api/admin/festivals`,
    'POST',
    owner,
    {
      name: 'Bench festival',
      slug,
      descriptionMarkdown: '',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 86_400_000).toISOString(),
      requiresReservation: false,
    },
    201,
  );
  let added: { items: { id: string; variant: { id: string } }[] } = { items: [] };
  for (const [i, n] of names.entries()) {
    const variantId = product.variants.find((v) => v.sku === `phone-${n}`)!.id;
    added = await call(`${url}/api/admin/festivals/${festival.id}/items`, 'POST', owner, {
      variantId,
      priceMinor: 99_900,
      quota: quotas[n],
      perFanLimit: quotas[n] === MAX_QUOTA ? 99 : 1,
      position: i,
    });
  }
  await call(`${url}/api/admin/festivals/${festival.id}/publish`, 'POST', owner);
  const items = Object.fromEntries(
    names.map((n) => {
      const variantId = product.variants.find((v) => v.sku === `phone-${n}`)!.id;
      return [n, added.items.find((it) => it.variant.id === variantId)!.id];
    }),
  ) as BenchItems;
  const cookies = await bulkFans(url, sizes.fans);
  const wait = startsAt.getTime() + 200 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return { slug, items, cookies };
}
