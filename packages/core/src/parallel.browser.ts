// curve(n, {parallel: true}) in the browser build: evaluated on this thread. (A browser's main
// thread may not block on Atomics.wait, which the synchronous curve() would need to wait for Web
// Workers; the values are the same either way.)
import { evaluatePlan } from "./evaluate";

export const MIN_SHARE = 1 << 18;

export const threadsFor = (_count: number): number => 1;

export const evaluatePlanParallel = evaluatePlan;
