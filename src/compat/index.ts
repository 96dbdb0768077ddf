// Compatibility profiles (issue 14): a peer's rules as the defaults of assay's own config keys,
// never a separate engine. resolveConfig() reads a profile under the keys the user gave.
import type { ConfigInput } from "../config/input.ts";
import type { CompatProfile, Reason } from "../model/index.ts";
import { BACKTRADER_CONFIG, backtraderStatus } from "./backtrader.ts";

export interface Profile {
  /** The peer's rules as defaults of assay's config keys. */
  readonly config: Readonly<ConfigInput>;
  /** The peer's name for how an order ended (its golden files' `reason`). */
  readonly statusOf: (reason: Reason) => string;
}

export const COMPAT_PROFILES: Readonly<Record<CompatProfile, Profile>> = Object.freeze({
  backtrader: { config: BACKTRADER_CONFIG, statusOf: backtraderStatus },
});

/** The peer a golden file's `peer` names ("backtrader 1.9.78.123"), or null for assay's own. */
export function profileOfPeer(peer: string): CompatProfile | null {
  const name = peer.split(" ")[0].toLowerCase();
  return Object.hasOwn(COMPAT_PROFILES, name) ? (name as CompatProfile) : null;
}
