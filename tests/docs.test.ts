import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../src/config/index.ts";
import { REASON_KINDS } from "../src/model/index.ts";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("docs stay true", () => {
  it("docs/semantics.md explains every reason code", () => {
    const semantics = read("docs/semantics.md");
    for (const kind of REASON_KINDS) expect(semantics, kind).toContain(`\`${kind}`);
  });

  it("the README documents every configuration key and the quick start", () => {
    const readme = read("README.md");
    for (const key of Object.keys(CONFIG_KEYS)) expect(readme, key).toContain(`\`${key}\``);
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });
});
