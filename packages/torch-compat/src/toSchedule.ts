import { LrschedError, type Schedule } from "@lrsched/ts-api";

/**
 * Builds the ts-api schedule of one param group. `at(epoch)` is the rate an uninterrupted run
 * (constructed with lastEpoch -1, stepped only by itself) has at `lastEpoch = epoch`.
 */
export function groupSchedule(cls: string, groups: number, group: unknown, build: (g: number) => Schedule): Schedule {
  if (typeof group !== "number" || !Number.isInteger(group) || group < 0 || group >= groups) {
    throw new LrschedError("group", `must be a param group index in [0, ${groups - 1}]`, group);
  }
  try {
    return build(group);
  } catch (e) {
    if (e instanceof LrschedError) {
      throw new LrschedError(`${cls}.toSchedule()`, `has no closed form for these options (${e.message})`);
    }
    throw e;
  }
}
