// Opens a URL in the user's browser with the platform's own opener.
import { spawn } from "node:child_process";

/** Starts the opener; resolves false (never throws) when it cannot be started. */
export function openInBrowser(url: string): Promise<boolean> {
  const [command, args] =
    process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: "ignore", detached: true });
      child.once("error", () => resolve(false));
      child.once("spawn", () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
