// Money-moving transactions of this process run one at a time. They serialise on the envelope row's lock
// in the database anyway; queueing them here first means a burst of proposals or approvals holds one pooled
// connection instead of all of them idle on that lock, so the other routes (sign-in, reads) still get a
// connection, and a request waits in this queue rather than timing out in the pool's. The row lock remains
// what guards the invariant across processes.
export type MoneyLane = <T>(work: () => Promise<T>) => Promise<T>;

export function createMoneyLane(): MoneyLane {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}
