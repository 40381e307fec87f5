// The package's version, for reports and results files (read from package.json at build time).
import pkg from "../package.json";

export const EXPLORE_VERSION: string = pkg.version;
