import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  loadConfigFile,
  mergeConfigInputs,
  readConfigFile,
  resolveConfig,
} from "../../src/config/index.ts";
import { errorOf as expectError } from "../helpers/errors.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const dir = tempDir("assay-config-");

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const errorOf = (run: () => unknown) => expectError(run, ConfigError);

describe("loadConfigFile()", () => {
  it("loadConfigFile() resolves a JSON file", () => {
    const path = file(
      "ok.json",
      JSON.stringify({ initialCash: 5000, instruments: { SPY: { lotSize: 10 } } }),
    );
    const config = loadConfigFile(path, ["SPY"]);
    expect(config.initialCash).toBe(5000);
    expect(config.instruments).toStrictEqual([
      {
        symbol: "SPY",
        kind: "equity",
        multiplier: 1,
        lotSize: 10,
        tickSize: null,
        initialMargin: null,
        maintenanceMargin: null,
        borrowRate: 0,
      },
    ]);
  });

  it("loadConfigFile() names the file in a value's error", () => {
    const path = file("run.json", '{ "slippage": { "model": "fixedBps", "bps": -5 } }');
    expect(errorOf(() => loadConfigFile(path, ["SPY"]))).toBe(
      `config ${path} slippage (model=fixedBps) field=bps: must be finite and >= 0, got -5`,
    );
  });

  it("loadConfigFile() names the file, line and column of a JSON syntax error", () => {
    const path = file("trailing-comma.json", '{\n  "initialCash": 100,\n}\n');
    expect(errorOf(() => loadConfigFile(path, ["SPY"]))).toBe(
      `config ${path}: invalid JSON at line 3, column 1: Expected double-quoted property name`,
    );
  });

  it("loadConfigFile() names the file of an empty JSON file", () => {
    const path = file("empty.json", "");
    expect(errorOf(() => loadConfigFile(path, ["SPY"]))).toBe(
      `config ${path}: invalid JSON: Unexpected end of JSON input`,
    );
  });

  it("loadConfigFile() names a file it cannot read", () => {
    const path = join(dir, "absent.json");
    expect(errorOf(() => loadConfigFile(path, ["SPY"]))).toMatch(
      new RegExp(`^config ${path}: cannot read the file: ENOENT`),
    );
  });

  it("loadConfigFile() rejects a file whose JSON is not an object", () => {
    const path = file("array.json", "[1, 2]");
    expect(errorOf(() => loadConfigFile(path, ["SPY"]))).toBe(`config ${path}: must be an object, got [1,2]`);
  });

  it("loadConfigFile() refuses a key given twice, naming the key and both lines", () => {
    const path = file("duplicate.json", '{\n  "debitRate": 0.05,\n  "debitRate": 0.5\n}\n');
    expect(errorOf(() => loadConfigFile(path, ["SPY"]))).toBe(
      `config ${path} debitRate: duplicate key at line 3, column 3 (first at line 2, column 3); a key may be given once`,
    );
  });

  it("loadConfigFile() names a nested duplicate by its path, and allows one key in two objects", () => {
    const path = file(
      "nested-duplicate.json",
      JSON.stringify({ instruments: { SPY: { lotSize: 1 }, QQQ: { lotSize: 1 } } }).replace(
        '"lotSize":1}}',
        '"lotSize":1,"lotSize":2}}',
      ),
    );
    expect(errorOf(() => loadConfigFile(path, ["SPY", "QQQ"]))).toBe(
      `config ${path} instruments.QQQ.lotSize: duplicate key at line 1, column 56 (first at line 1, column 44); a key may be given once`,
    );
  });

  it("loadConfigFile() reads a file that starts with a UTF-8 byte order mark", () => {
    const path = file("bom.json", '\uFEFF{ "account": "cash" }');
    expect(loadConfigFile(path, ["SPY"]).account).toBe("cash");
  });
});

describe("mergeConfigInputs()", () => {
  it("mergeConfigInputs() lets later inputs override earlier keys", () => {
    expect(
      mergeConfigInputs({ initialCash: 1, account: "cash" }, { initialCash: 2 }, { fillAt: "close" }),
    ).toStrictEqual({ initialCash: 2, account: "cash", fillAt: "close" });
  });

  it("mergeConfigInputs() replaces an object-valued key whole, so models never mix", () => {
    const merged = mergeConfigInputs(
      { commission: { model: "perShare", rate: 0.005, min: 1 } },
      { commission: { model: "percent", rate: 0.001 } },
    );
    expect(resolveConfig(merged, []).commission).toStrictEqual({ model: "percent", rate: 0.001, fixed: 0 });
  });

  it("mergeConfigInputs() keeps the earlier value under an undefined one, not under null", () => {
    expect(
      mergeConfigInputs(
        { initialCash: 1, maxParticipation: 0.2 },
        { initialCash: undefined, maxParticipation: null },
      ),
    ).toStrictEqual({ initialCash: 1, maxParticipation: null });
  });

  it("mergeConfigInputs() keeps a __proto__ key as a key, for resolveConfig() to reject", () => {
    const merged = mergeConfigInputs(JSON.parse('{"__proto__": {"initialCash": 5}}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toStrictEqual(["__proto__"]);
    expect(errorOf(() => resolveConfig(merged, []))).toMatch(/^config: unknown key "__proto__"/);
  });

  it("mergeConfigInputs() rejects an input that is not a plain object", () => {
    expect(errorOf(() => mergeConfigInputs({}, [1]))).toBe(
      "config input 2 of mergeConfigInputs(): must be an object, got [1]",
    );
  });

  it("readConfigFile() gives the raw input, for CLI flags to override", () => {
    const path = file("base.json", '{ "initialCash": 100, "account": "cash" }');
    const merged = mergeConfigInputs(readConfigFile(path), { initialCash: 200 });
    expect(resolveConfig(merged, []).initialCash).toBe(200);
    expect(resolveConfig(merged, []).account).toBe("cash");
  });
});
