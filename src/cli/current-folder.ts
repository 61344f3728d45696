/** The current folder, or null when it no longer exists (deleted while the shell was in it). */
export function currentFolder(): string | null {
  try {
    return process.cwd();
  } catch {
    return null;
  }
}
