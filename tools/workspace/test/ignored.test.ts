// What the README commands and the CLI's own examples write, run from the repository root, is
// git-ignored: trying the documented commands leaves `git status` clean.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT, readText } from "./repo";

const git = (args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
const lrschedHelp = (args: string[]) => {
  const r = spawnSync(process.execPath, ["packages/cli/bin/lrsched.js", ...args, "--help"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`lrsched ${args.join(" ")} --help: ${r.stderr}`);
  return r.stdout;
};

/** Every `lrsched ...` command line in the sh blocks of the tracked READMEs. */
function readmeCommands(): { where: string; line: string }[] {
  const readmes = git(["ls-files", "README.md", "**/README.md"]).stdout.split("\n").filter(Boolean);
  return readmes.flatMap((file) =>
    [...readText(file).matchAll(/```(?:sh|bash|console)\n([\s\S]*?)```/g)].flatMap((block) =>
      block[1].replace(/\\\n/g, " ").split("\n").map((line) => ({ where: file, line: line.replace(/\s#.*$/, "") })),
    ),
  ).filter(({ line }) => /(^|\s)lrsched\s+\w/.test(line));
}

/** The CLI's commands, and each one's examples and default output directory, from its --help. */
const commands = lrschedHelp([]).split("Commands:\n")[1].split("\n\n")[0].split("\n").map((l) => l.trim().split(/\s+/)[0]);
const helps = new Map(commands.map((c) => [c, lrschedHelp([c])]));
const helpCommands = [...helps].flatMap(([c, help]) =>
  help.split("\n").filter((l) => /^\s+lrsched\s+\w/.test(l)).map((line) => ({ where: `lrsched ${c} --help`, line: line.trim() })),
);
const writesDir = (command: string) => /--out DIR/.test(helps.get(command) ?? "");
const defaultOut = (command: string) => helps.get(command)?.match(/--out DIR\s+.*\(default ([^)\s]+)\)/)?.[1];

/** The paths a command line writes: -o / --out / --plot values, else its command's default directory. */
function outputs(line: string): string[] {
  const words = line.slice(line.search(/lrsched\s/)).split(/\s+/);
  const command = words[1];
  const given = words.flatMap((w, i) => (["-o", "--out", "--plot"].includes(w) && words[i + 1] ? [words[i + 1]] : []));
  const dflt = defaultOut(command);
  const all = given.length === 0 && dflt ? [dflt] : given;
  return all
    .filter((p) => p !== "-" && !p.startsWith("/") && !p.startsWith("$"))
    .map((p) => (writesDir(command) && !p.endsWith("/") ? `${p}/` : p));
}

const cases = [...readmeCommands(), ...helpCommands].flatMap(({ where, line }) => outputs(line).map((path) => ({ where, line, path })));

describe("outputs of documented commands are ignored", () => {
  it("finds the documented outputs (demo, sweep and curve at least)", () => {
    const paths = new Set(cases.map((c) => c.path));
    for (const p of ["lrsched-demo/", "report/", "exp.csv"]) expect(paths).toContain(p);
  });

  it.each(cases.map((c) => [c.path, c.where, c] as const))("%s (%s)", (path, _, c) => {
    // a directory is ignored when a file inside it would be
    const probe = path.endsWith("/") ? `${path}index.html` : path;
    const r = git(["check-ignore", "--no-index", "-q", probe]);
    expect(r.status, `${c.where}: \`${c.line}\` writes ${path}, which git would show as untracked`).toBe(0);
  });
});
