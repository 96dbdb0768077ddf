# The reference numbers of tests/report/metrics-quantstats.test.ts, from quantstats' own code.
# quantstats commit fbd10daed0227aa0d10da6513f1b15e7e98d7fae (0.0.78), Debian's pandas 1.5.3,
# numpy 1.24.2, scipy 1.10.1. Its math modules (stats, utils, _compat, _numpy_compat, version)
# copied into QS/quantstats/ with an empty __init__.py (the real one imports the plotting,
# which needs seaborn), and an empty yfinance.py on the path (_compat imports it to download):
#   PYTHONPATH=STUBS:QS python3 tests/report/quantstats-reference.py
import pandas as pd
import quantstats.stats as qs

RETURNS = [0.05, -0.01, 0.02, -0.02, 0.01, 0.00, -0.05, 0.04]
r = pd.Series(RETURNS, index=pd.bdate_range("2024-01-01", periods=len(RETURNS)))

calls = {
    "cagr": lambda: qs.cagr(r, periods=252),
    "volatility": lambda: qs.volatility(r, periods=252),
    "sharpe": lambda: qs.sharpe(r, periods=252),
    "sharpe rf=0.04": lambda: qs.sharpe(r, rf=0.04, periods=252),
    "sortino": lambda: qs.sortino(r, periods=252),
    "calmar": lambda: qs.calmar(r, periods=252),
    "omega": lambda: qs.omega(r, periods=252),
    "max_drawdown": lambda: qs.max_drawdown(r),
    "value_at_risk": lambda: qs.value_at_risk(r),
    "conditional_value_at_risk": lambda: qs.conditional_value_at_risk(r),
    "skew": lambda: qs.skew(r),
    "kurtosis": lambda: qs.kurtosis(r),
    "tail_ratio": lambda: qs.tail_ratio(r),
    "win_rate": lambda: qs.win_rate(r),
    "profit_factor": lambda: qs.profit_factor(r),
    "comp": lambda: qs.comp(r),
    "probabilistic_sharpe_ratio": lambda: qs.probabilistic_sharpe_ratio(r),
}
for name, call in calls.items():
    print(f"{name}: {float(call())!r}")
