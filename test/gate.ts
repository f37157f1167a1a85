/**
 * Work a test holds: the work calls `started()` and waits for `opened`; the test waits for
 * `began`, checks what it wants while the work is in flight, then calls `open()`.
 */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  let started!: () => void;
  const began = new Promise<void>((r) => (started = r));
  return { open, opened, started, began };
}
