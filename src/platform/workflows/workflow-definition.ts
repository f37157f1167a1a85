import type { Ctx } from '../../core/context.ts';

/** What a step knows about the run it is part of. */
export type StepMeta = {
  runId: string;
  stepId: string;
  /** The Idempotency-Key the run was started under, if any. */
  key: string | null;
};

export type StepOptions<O> = {
  /**
   * What the run record keeps of the step's output (default: all of it, as JSON). Return a
   * summary for large outputs; keep what an undo by hand would need (ids, amounts).
   */
  record?: (output: O) => unknown;
  /**
   * Runs `invoke` (and `compensate`) in one transaction together with the step's record, so the
   * step's writes and "this step succeeded" commit or vanish together. Only for steps that touch
   * nothing but this database: a failing transactional step undoes its own writes.
   */
  transaction?: boolean;
};

/**
 * One step of a workflow: `invoke` does the work and returns the output the next step receives;
 * `compensate` undoes it when a later step fails. A step without `compensate` says its effect
 * stands (or is harmless) when the run fails: say why beside it.
 *
 * `meta.runId` + `meta.stepId` is stable for one step of one run: the idempotency key to hand a
 * payment provider, so a retried call never charges twice.
 */
export type Step<I, O> = {
  readonly id: string;
  readonly invoke: (ctx: Ctx, input: I, meta: StepMeta) => Promise<O>;
  /** Receives what `invoke` returned and what it was given. */
  readonly compensate?: (ctx: Ctx, output: O, input: I, meta: StepMeta) => Promise<void>;
  readonly options: StepOptions<O>;
};

// Steps of one workflow have different input and output types; the chain in `then` checks them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a step list mixes input/output types; `then` checks each link
export type AnyStep = Step<any, any>;

export function createStep<I, O>(
  id: string,
  invoke: (ctx: Ctx, input: I, meta: StepMeta) => Promise<O>,
  compensate?: (ctx: Ctx, output: O, input: I, meta: StepMeta) => Promise<void>,
  options: StepOptions<O> = {},
): Step<I, O> {
  if (!/^[a-z][a-z0-9_.-]{0,62}$/.test(id)) throw new Error(`step id "${id}" must be lowercase letters, digits, "_", "." or "-"`);
  return { id, invoke, compensate, options };
}

/**
 * A named sequence of steps, each receiving the previous one's output (the first receives the
 * workflow's input). Built with `then`, so each step's input type must match the output before it:
 *
 *   const checkout = createWorkflow<CheckoutInput>('store.checkout').then(reserveStock).then(chargeCard).then(placeOrder);
 */
export type Workflow<I, O> = {
  readonly name: string;
  readonly steps: readonly AnyStep[];
  then<N>(step: Step<O, N>): Workflow<I, N>;
};

function chain<I, O>(name: string, steps: readonly AnyStep[]): Workflow<I, O> {
  return {
    name,
    steps,
    then<N>(step: Step<O, N>): Workflow<I, N> {
      if (steps.some((s) => s.id === step.id)) throw new Error(`workflow ${name}: two steps named "${step.id}"`);
      return chain<I, N>(name, [...steps, step]);
    },
  };
}

export function createWorkflow<I>(name: string): Workflow<I, I> {
  if (!/^[a-z][a-z0-9_.-]{0,62}$/.test(name)) throw new Error(`workflow name "${name}" must be lowercase letters, digits, "_", "." or "-"`);
  return chain<I, I>(name, []);
}
