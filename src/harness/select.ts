// SPEC 10: which registered properties a run checks: `--properties` as comma-separated globs
// (`*` any run of characters, `?` one) over the registry's names.

/** The names matching any glob, in registry order; an error when a glob matches none. */
export function selectProperties(names: readonly string[], globs: string): string[] {
  const patterns = globs
    .split(",")
    .map((g) => g.trim())
    .filter((g) => g !== "");
  if (patterns.length === 0) throw new Error(`--properties: no property named in "${globs}"`);
  for (const pattern of patterns) {
    if (!names.some((name) => globMatches(pattern, name)))
      throw new Error(`--properties: "${pattern}" matches no property (known: ${names.join(", ")})`);
  }
  return names.filter((name) => patterns.some((pattern) => globMatches(pattern, name)));
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(name);
}
