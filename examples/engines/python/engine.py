#!/usr/bin/env python3
"""A small backtesting engine in Python, held to assay's reference over the engine process protocol.

    npm run assay -- check --engine-cmd "python3 examples/engines/python/engine.py" --capabilities

It reads one golden `input` per line on stdin (../shared/golden/README.md) and prints one `expected`
per line on stdout: fills, rejections, the equity series and the final cash, value and positions.
`engine.py --describe` prints what it implements, so that assay draws cases within that scope:
a cash account, market orders sized in units, filled at the next open with a percent commission
and a fixed slippage in basis points (clamped into the bar's range); no volume rules.

Money is exact (decimal.Decimal from the JSON's own digits), as in assay's reference engine, so
that a tie (a buy costing exactly the cash there is) is decided as the spec decides it.

THE DELIBERATE BUG: a sale is never checked against the position, so a cash account can sell
what it does not hold and goes short (SPEC 6.5 rejects the part past the position with reason
shortInCashAccount). `assay check` finds it and shrinks it to one sale on an empty account.
`--without-bug` runs the engine with the check in place: then it agrees with the reference.

Standard library only.
"""
import json
import sys
from decimal import ROUND_DOWN, Decimal, getcontext

getcontext().prec = 60

CAPABILITIES = {
    "accounts": ["cash"],
    "fillAt": ["next-open"],
    "orderTypes": ["market"],
    "sizeTypes": ["units"],
    "commission": ["percent"],
    "slippage": ["fixedBps"],
    "volumeRules": False,
    "missingBars": False,
    "invalidOrders": False,
    "extras": False,
}


def sign(x):
    return (x > 0) - (x < 0)


class Run:
    """One golden input, run bar by bar (SPEC 4: the open auction, then the close)."""

    def __init__(self, case, check_shorts):
        options = case.get("options", {})
        self.check_shorts = check_shorts
        self.cash = Decimal(case["cash"]) if not isinstance(case["cash"], Decimal) else case["cash"]
        self.assets = case["assets"]
        self.rate = Decimal(options.get("commission", {}).get("rate", 0))
        self.bps = Decimal(options.get("slippage", {}).get("bps", 0))
        self.dates = sorted({bar["date"] for bar in case["bars"]})
        self.bars = {(bar["date"], bar["asset"]): bar for bar in case["bars"]}
        self.orders = {}
        for order_id, order in enumerate(case.get("orders", []), start=1):
            qty = Decimal(order["size"]).to_integral_value(rounding=ROUND_DOWN)  # lots of 1, toward 0
            if qty != 0:
                self.orders.setdefault(order["date"], []).append((order_id, order["asset"], qty))
        self.position = {asset: Decimal(0) for asset in self.assets}
        self.fills, self.rejected, self.equity = [], [], []

    def run(self):
        for t, date in enumerate(self.dates):
            if t > 0:
                self.open_auction(date, self.orders.get(self.dates[t - 1], []))
            value = self.cash + sum(q * Decimal(self.bars[(date, a)]["close"]) for a, q in self.position.items())
            self.equity.append({"date": date, "value": value, "cash": self.cash})
        return {
            "fills": self.fills,
            "rejected": self.rejected,
            "equity": self.equity,
            "finalValue": self.equity[-1]["value"],
            "finalCash": self.cash,
            "finalPositions": {a: q for a, q in self.position.items() if q != 0},
        }

    def open_auction(self, date, orders):
        """Exits before entries (SPEC 4.2): the first order of each asset is split against the
        position at the open into a reducing and an increasing leg; all reducing legs fill, then
        the increasing legs in submission order; then every further order of an asset, split
        against its position at that moment."""
        first, further, seen = [], [], set()
        for order in orders:
            (further if order[1] in seen else first).append(order)
            seen.add(order[1])
        records, rejections = {}, []
        legs = []
        for order_id, asset, qty in first:
            reducing, increasing = self.split(asset, qty)
            legs.append((order_id, asset, increasing))
            if reducing != 0:
                self.fill(records, date, order_id, asset, reducing)
        for order_id, asset, increasing in legs:
            if increasing != 0:
                self.increase(records, rejections, date, order_id, asset, increasing)
        for order_id, asset, qty in further:
            reducing, increasing = self.split(asset, qty)
            if reducing != 0:
                self.fill(records, date, order_id, asset, reducing)
            if increasing != 0:
                self.increase(records, rejections, date, order_id, asset, increasing)
        self.fills.extend(records.values())  # in the order of each record's first leg
        self.rejected.extend(rejection for _, rejection in sorted(rejections))  # by order id (SPEC 9)

    def split(self, asset, qty):
        held = self.position[asset]
        if held == 0 or sign(held) == sign(qty):
            return Decimal(0), qty
        reducing = sign(qty) * min(abs(qty), abs(held))
        return reducing, qty - reducing

    def price(self, date, asset, side):
        bar = self.bars[(date, asset)]
        moved = Decimal(bar["open"]) * (1 + side * self.bps / 10_000)
        return min(max(moved, Decimal(bar["low"])), Decimal(bar["high"]))

    def increase(self, records, rejections, date, order_id, asset, qty):
        def reject(reason):
            rejections.append((order_id, {"date": date, "asset": asset, "size": qty, "reason": reason}))

        if self.check_shorts and self.position[asset] + qty < 0:
            return reject("shortInCashAccount")
        price = self.price(date, asset, sign(qty))
        outflow = qty * price + self.rate * abs(qty) * price
        if outflow > self.cash:
            return reject("insufficientCash")
        self.fill(records, date, order_id, asset, qty)

    def fill(self, records, date, order_id, asset, qty):
        """One fill record per order and batch: a reversal's two legs share it (SPEC 4.2)."""
        price = self.price(date, asset, sign(qty))
        commission = self.rate * abs(qty) * price
        self.cash -= qty * price + commission
        self.position[asset] += qty
        record = records.get(order_id)
        if record is None:
            records[order_id] = {"date": date, "asset": asset, "size": qty, "price": price, "commission": commission}
        else:
            record["size"] += qty
            record["commission"] += commission


def as_json(value):
    """Decimals as JSON numbers (float64, as the golden format's peers print them)."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def main():
    if "--describe" in sys.argv:
        print(json.dumps({"name": "python example engine", "capabilities": CAPABILITIES}))
        return
    check_shorts = "--without-bug" in sys.argv
    for line in sys.stdin:
        case = json.loads(line, parse_float=Decimal, parse_int=Decimal)
        print(json.dumps(as_json(Run(case, check_shorts).run())), flush=True)


if __name__ == "__main__":
    main()
