/**
 * @lrsched/cli: the `lrsched` command, and the pieces it is built from for programs that want
 * the same outputs (npy headers, charts, terminal plots) without a subprocess.
 *
 * @example
 * ```ts
 * import { main } from "@lrsched/cli";
 * process.exitCode = await main(["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100", "--steps", "100"]);
 * ```
 */
export { main, COMMANDS, EXIT } from "./cli";
export { UsageError } from "./errors";
export { parseArgs, Options, type OptionSpec, type ParsedArgs } from "./args";
export { FORMATS, encoderFor, formatOfPath, npyHeader, type Format, type Encoder } from "./format";
export { sampled, sampleCount, type Sampling, type SampledChunk, type SampleOptions } from "./sample";
export { bucketize, linePoints, type Buckets, type Point } from "./plot/buckets";
export { chartSpec, type ChartSeries, type ChartOptions } from "./plot/chart";
export { renderSvg, renderPng } from "@lrsched/explore";
export { terminalChart, type TerminalSeries, type TerminalChartOptions } from "./plot/terminal";
export { drawChart, type ChartTarget, type DrawOptions } from "./plot/draw";
export { summarize, type Summary } from "./stats/summary";
export { resolveType, aliases, shortName } from "./input/types";
export { defaultSteps } from "./horizon";
export { openOutput, writeOutput, type Sink } from "./io/output";
