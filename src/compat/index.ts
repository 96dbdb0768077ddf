// Compatibility profiles (issue 14): a peer's rules as the defaults of assay's own config keys,
// never a separate engine. resolveConfig() reads a profile under the keys the user gave.
import type { ConfigInput } from "../config/input.ts";
import type { PeerView } from "../golden/compare.ts";
import type { CompatProfile } from "../model/index.ts";
import { BACKTRADER_CONFIG, backtraderStatus } from "./backtrader.ts";
import { VECTORBT_CONFIG, vectorbtFileOptions, vectorbtListsRejection, vectorbtStatus } from "./vectorbt.ts";

/** A peer's rules as defaults of assay's config keys, and how its golden files state records. */
export interface Profile extends PeerView {
  readonly config: Readonly<ConfigInput>;
  /**
   * The peer's switches a golden file states in `input.other`, as assay keys (under the file's
   * own input.options); `refuse` throws for a value the profile does not reproduce.
   */
  readonly fileOptions: (
    other: Readonly<Record<string, unknown>>,
    refuse: (key: string, message: string) => never,
  ) => ConfigInput;
}

export const COMPAT_PROFILES: Readonly<Record<CompatProfile, Profile>> = Object.freeze({
  backtrader: {
    config: BACKTRADER_CONFIG,
    statusOf: backtraderStatus,
    listsRejection: () => true,
    // Backtrader's files state their settings in words only (peerSettings, other).
    fileOptions: () => ({}),
    // Backtrader's sizes are whole shares, as assay's default lot.
    sizeTolerance: 0,
  },
  vectorbt: {
    config: VECTORBT_CONFIG,
    statusOf: vectorbtStatus,
    listsRejection: vectorbtListsRejection,
    fileOptions: vectorbtFileOptions,
    // VectorBT never rounds a size; assay truncates each to the profile's lot. A fill sized from
    // a position carries two truncations: its own and the position's (each under one lot).
    sizeTolerance: 2 * (VECTORBT_CONFIG.lotSize as number),
  },
});

/** The peer a golden file's `peer` names ("backtrader 1.9.78.123"), or null for assay's own. */
export function profileOfPeer(peer: string): CompatProfile | null {
  const name = peer.split(" ")[0].toLowerCase();
  return Object.hasOwn(COMPAT_PROFILES, name) ? (name as CompatProfile) : null;
}
