// SequentialLR and ChainedScheduler nest schedulers; they obey the one nesting limit every lrsched
// composite has (ts-api's MAX_NESTING), checked when built, so stepping, state dicts and configs
// of a composite never recurse without bound.
import { LrschedError, MAX_NESTING } from "@lrsched/ts-api";

/** Levels of schedulers nested inside each composite built here. */
const nestings = new WeakMap<object, number>();

/** The error for schedulers nested deeper than MAX_NESTING. */
export const nestingError = (path: string) =>
  new LrschedError(path, `nests schedulers deeper than ${MAX_NESTING} levels (lrsched's limit for composites)`);

/** Records `owner`'s nesting (1 + its deepest child's); an LrschedError naming the child beyond the limit. */
export function nest(owner: object, schedulers: readonly object[]): void {
  let deepest = 0;
  let where = 0;
  schedulers.forEach((s, i) => {
    const n = 1 + (nestings.get(s) ?? 0);
    if (n > deepest) [deepest, where] = [n, i];
  });
  if (deepest > MAX_NESTING) throw nestingError(`schedulers[${where}]`);
  nestings.set(owner, deepest);
}
