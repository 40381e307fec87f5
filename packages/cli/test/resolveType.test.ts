import { describe, expect, it } from "vitest";
import { scheduleTypes } from "@lrsched/ts-api";
import { resolveType } from "../src/input/types";

describe("resolveType", () => {
  it("resolves every type by its own name, even where another type has it as an alias", () => {
    for (const t of scheduleTypes) expect(resolveType(t.type)?.type).toBe(t.type);
    expect(resolveType("sgdr")?.type).toBe("sgdr");
    expect(resolveType("restarts")?.type).toBe("cosineDecayRestarts");
  });
});
