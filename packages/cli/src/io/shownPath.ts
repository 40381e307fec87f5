import { isAbsolute, relative } from "node:path";

/** A directory as a person would type it: relative to the working directory unless that climbs out of it. */
export function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  if (rel === "") return ".";
  return rel.startsWith("..") && isAbsolute(dir) ? dir : rel;
}
