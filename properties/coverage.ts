// What the generated runs actually exercise, counted, not assumed: situations in the generated
// cases (panels, orders, configs) and outcomes in the reference's records (fills, reasons,
// statuses). The coverage test asserts that each class occurs; `assay check` can print them.
import type { OrderRequest, Records, RunConfig } from "../src/model/index.ts";
import { invalidRequest } from "./record-checks.ts";
import { type RunCase, referencePrices } from "./run-input.ts";

export type Counts = Record<string, number>;

/** Adds the situations of one generated case to `counts`. */
export function countCase(runCase: RunCase, counts: Counts): void {
  const { panel, configInput, ordersByBar } = runCase;
  const n = panel.symbols.length;
  const bars = panel.times.length;
  const bump = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (let k = 0; k < bars * n; k++) {
    if (Number.isNaN(panel.close[k])) bump("panel.missingBar");
    else if (panel.volume[k] === 0) bump("panel.zeroVolumeBar");
    const prev = k - n;
    if (prev >= 0 && !Number.isNaN(panel.close[k]) && !Number.isNaN(panel.close[prev])) {
      if (Math.abs(panel.open[k] / panel.close[prev] - 1) > 0.05) bump("panel.gapOver5Percent");
    }
  }
  bump(`case.${runCase.kind ?? "random"}`);
  // Day numbers below 0: the weekday arithmetic of settlement dates before 1970.
  if (bars > 0 && panel.times[0] < 0) {
    bump("panel.before1970");
    if (configInput.account === "cash" && (configInput.settlement ?? 0) !== 0)
      bump("config.settlementBefore1970");
  }
  for (let k = 0; k < bars * n; k++) {
    if (panel.close[k] < 1) bump("panel.priceUnderOneDollar");
    else if (panel.close[k] > 10_000) bump("panel.priceOverTenThousand");
  }
  for (const entry of Object.values(configInput.instruments ?? {})) {
    if (entry.kind === "future")
      bump(`config.instrument.future.margin${typeof entry.initialMargin === "number" ? "Money" : "Rate"}`);
    if (entry.tickSize !== undefined && entry.tickSize !== null) bump("config.instrument.tickSize");
    if (entry.multiplier !== undefined && entry.multiplier !== 1) bump("config.instrument.multiplier");
    if (entry.borrowRate !== undefined) bump("config.instrument.borrowRate");
  }
  if (configInput.holidays !== undefined && configInput.holidays !== null && configInput.holidays.length > 0)
    bump("config.holidays");
  if (configInput.account === "cash" && (configInput.settlementHolidays ?? []).length > 0)
    bump("config.settlementHolidays");
  const flows = configInput.cashFlows ?? [];
  if (flows.length > 0) bump("config.cashFlows");
  const lastDate = bars > 0 ? new Date(panel.times[bars - 1]).toISOString().slice(0, 10) : "";
  if (flows.some((flow) => flow.date > lastDate)) bump("config.cashFlows.afterLastBar");
  bump(`config.account.${configInput.account}`);
  if (configInput.shortCash === true) bump("config.shortCash");
  if (configInput.checkAtSubmit === true) bump("config.checkAtSubmit");
  if (configInput.exitsFirst === false) bump("config.inProcessingOrder");
  if (configInput.sizeAtFill === true) bump("config.sizeAtFill");
  if (configInput.slipOpen === false) bump("config.slipOpenOff");
  if (configInput.slipMatch === false)
    bump(`config.slipMatchOff.slipLimit${configInput.slipLimit !== false}`);
  bump(`config.onInsufficient.${configInput.onInsufficient}`);
  bump(`config.fillAt.${configInput.fillAt}`);
  bump(`config.onZeroVolume.${configInput.onZeroVolume}`);
  bump(`config.lotSize.${configInput.lotSize}`);
  bump(`config.commission.${configInput.commission?.model}`);
  if (configInput.commission?.model === "percent" && (configInput.commission.fixed ?? 0) > 0)
    bump("config.commission.percentFixed");
  const slippage = configInput.slippage;
  const quoted = slippage?.model === "halfSpread" && (slippage.bps ?? null) === null;
  bump(`config.slippage.${quoted ? "halfSpreadQuoted" : slippage?.model}`);

  const symbols = new Set(panel.symbols);
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const price = referencePrices(panel);
  const cash = configInput.initialCash ?? 1_000_000;
  const lastUnits = new Map<string, number>();
  for (const t of [...ordersByBar.keys()].sort((a, b) => a - b)) {
    const requests = ordersByBar.get(t) as OrderRequest[];
    const perAsset = new Map<string, number>();
    for (const r of requests) {
      bump("orders.request");
      const flaw = invalidRequest(r, symbols);
      if (flaw !== null) {
        // An unknown field is counted by its rule: its name is whatever the request made up.
        bump(`orders.invalid.${flaw.rule === "unknownField" ? flaw.rule : `${flaw.field}.${flaw.rule}`}`);
        continue;
      }
      const type = r.type ?? "market";
      const sizeType = r.sizeType ?? "units";
      bump(`orders.type.${type}`);
      bump(`orders.sizeType.${sizeType}`);
      if (sizeType.startsWith("target") && r.size === 0) bump("orders.targetZero");
      if (r.timeInForce !== undefined) bump(`orders.timeInForce.${r.timeInForce}`);
      if (r.onInsufficient !== undefined) bump(`orders.onInsufficient.${r.onInsufficient}`);
      perAsset.set(r.asset, (perAsset.get(r.asset) ?? 0) + 1);
      const notional =
        sizeType === "units" || sizeType === "targetUnits"
          ? Math.abs(r.size) * price(r.asset, t)
          : sizeType === "value" || sizeType === "targetValue"
            ? Math.abs(r.size)
            : Math.abs(r.size) * cash;
      if (notional > 10 * cash) bump("orders.oversized");
      if (sizeType === "units") {
        const last = lastUnits.get(r.asset);
        if (
          last !== undefined &&
          Math.sign(last) === -Math.sign(r.size) &&
          Math.abs(r.size) >= 2 * Math.abs(last)
        )
          bump("orders.reversal");
        lastUnits.set(r.asset, r.size);
      }
      const i = column.get(r.asset) as number;
      if (t + 1 < bars) {
        const k = (t + 1) * n + i;
        if (Number.isNaN(panel.close[k])) bump("orders.nextBarMissing");
        else if (panel.volume[k] === 0) bump("orders.nextBarZeroVolume");
        // A limit exactly at the next bar's low (a buy) or high (a sell): touched, not crossed.
        const limit = r.limitPrice;
        if (type === "limit" && limit !== undefined && (limit === panel.low[k] || limit === panel.high[k]))
          bump("orders.limitAtNextExtreme");
      }
    }
    for (const count of perAsset.values()) if (count >= 2) bump("orders.burst");
  }
}

/** Adds the outcomes of one reference run to `counts`. */
export function countRecords(runCase: RunCase, config: RunConfig, records: Records, counts: Counts): void {
  const { panel } = runCase;
  const n = panel.symbols.length;
  const column = new Map(panel.symbols.map((s, i) => [s, i]));
  const bump = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  const byId = new Map(records.orders.map((o) => [o.id, o]));
  for (const o of records.orders) {
    bump(`status.${o.status}`);
    if (o.reason !== null) bump(`reason.${o.reason.kind}`);
    if (o.status === "expired" && o.reason?.kind === "endOfData") bump("records.expiredAtEnd");
    if (o.status === "partial") bump(`partial.${o.reason?.kind}`);
    if (o.deferred.slippage > 0) bump(`orders.heldBySlippage.${o.type === "market" ? "market" : "resting"}`);
    if (o.reason !== null) bump(`reason.${o.reason.kind}.${config.account}`);
  }
  for (const f of records.fills) {
    bump("fills");
    if (f.reducingQty !== 0 && f.increasingQty !== 0) bump("fills.reversal");
    if (f.partial) bump("fills.partial");
    if (f.zeroVolume) bump("fills.zeroVolume");
    if (f.forced) bump("fills.forced");
    if (f.volumeCap !== null) bump("fills.volumeCap");
    const o = byId.get(f.orderId);
    if (o !== undefined) {
      bump(`fills.type.${o.type}`);
      const open = panel.open[f.t * n + (column.get(f.asset) as number)];
      if (o.type !== "market" && f.basePrice === open) bump("fills.restingAtOpen");
    }
  }
  for (const e of records.events) bump(`events.${e.kind}`);
  if (records.ledgerTotals.variationMargin !== 0) bump("records.variationMargin");
}
