/**
 * A file path as DuckDB's readers take it. DuckDB expands `*`, `?` and `[...]`
 * in any path it reads, so a workspace in a folder named `team[1]` would
 * read `team1`'s files. Each pattern character is written as a one-character
 * class (`[*]`, `[?]`, `[[]`), which matches only itself: DuckDB opens exactly
 * the file Seg checked.
 */
export function duckdbFilePath(path: string): string {
  return path.replace(/[*?[]/g, (c) => `[${c}]`);
}
