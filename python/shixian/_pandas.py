"""Results shaped like a pandas input (imported only when the input is a pandas object)."""

import numpy as np
import pandas as pd


def wall_clock(values):
    """Timezone-aware Series/Index as their wall-clock times (the civil date in their own zone)."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.DatetimeTZDtype):
        return values.dt.tz_localize(None)
    if isinstance(values, pd.DatetimeIndex) and values.tz is not None:
        return values.tz_localize(None)
    return values


def like(template, result):
    """A Series input gives a Series on the same index; an Index gives an Index (dates) or an array."""
    if isinstance(template, pd.Series):
        return pd.Series(result, index=template.index, name=template.name)
    if isinstance(template, pd.Index) and isinstance(result, np.ndarray) and result.dtype.kind == "M":
        return pd.DatetimeIndex(result, name=template.name)
    return result


def frame(template, columns):
    """day_info over a Series or an Index: one row per input date."""
    index = template.index if isinstance(template, pd.Series) else None
    return pd.DataFrame(columns, index=index)
