// Run in a fresh process by curves.mjs: times one schedule's at() as a training loop sees it, with
// no other schedule built in the process. Prints {ns} on stdout.
//
//   node at-child.mjs ID MAX_CALLS REPS
import { timeAt } from "./curves.mjs";
import { scheduleCases } from "./schedules.mjs";

const [id, maxCalls, reps] = process.argv.slice(2);
const c = scheduleCases().find((x) => x.id === id);
if (!c) throw new Error(`at-child: no case ${id}`);
process.stdout.write(JSON.stringify({ ns: timeAt(c.make(), Number(maxCalls), Number(reps)) }));
