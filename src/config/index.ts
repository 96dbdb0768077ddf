// src/config: user config input (file, CLI, code) -> the resolved RunConfig (SPEC 3-6).
export { ConfigError, type ConfigPlace } from "./errors.ts";
export { configSource, loadConfigFile, mergeConfigInputs, readConfigFile } from "./file.ts";
export type {
  CommissionInput,
  ConfigInput,
  ConfigKey,
  ImpactInput,
  InstrumentInput,
  MarginInput,
  SlippageInput,
} from "./input.ts";
export { CONFIG_KEYS, DEFAULT_CONFIG_INPUT, resolveConfig } from "./resolve.ts";
export { configWarnings, HIGH_RATE_PER_YEAR } from "./warnings.ts";
