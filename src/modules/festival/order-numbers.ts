/**
 * Order numbers in hand for the festival's order writer: taken from the orders' sequence a
 * chunk at a time, ahead of need, so a batch of orders is written in one statement that already
 * knows every number (its order_placed activities carry them). Numbers stay unique and are never
 * reused; those in hand when the process stops are a gap in the sequence, as a rolled-back
 * checkout's number is.
 */
export function createOrderNumbers(take: (n: number) => Promise<number[]>, options: { chunk?: number } = {}) {
  const chunk = options.chunk ?? 4_000;
  let inHand: number[] = [];
  let next = 0;
  let loading: Promise<void> | null = null;

  function load(n: number): Promise<void> {
    loading ??= take(n)
      .then((numbers) => {
        inHand = inHand.slice(next).concat(numbers);
        next = 0;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return {
    /** `n` numbers; at once while enough are in hand (the next chunk is asked for at half). */
    async take(n: number): Promise<number[]> {
      while (inHand.length - next < n) await load(Math.max(chunk, n));
      const numbers = inHand.slice(next, next + n);
      next += n;
      // A failed early read is not this batch's failure: the next take asks again.
      if (inHand.length - next < chunk / 2) load(chunk).catch(() => undefined);
      return numbers;
    },
  };
}
