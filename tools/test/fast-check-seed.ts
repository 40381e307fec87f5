// Property tests and fuzzers run from a fixed seed so CI is reproducible; set FC_SEED to another
// integer to explore new inputs (fast-check prints the seed of any failure to replay it).
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261124);
fc.configureGlobal({ seed: Number.isInteger(seed) ? seed : 20261124 });
