#!/usr/bin/python3
"""Where real PyTorch places CosineAnnealingWarmRestarts.step(epoch) for integer epochs.

With T_mult > 1, ``step(epoch)`` finds the restart period as ``n = int(math.log(epoch / T_0 *
(T_mult - 1) + 1, T_mult))``; CPython's log, and the rounding of the quotient, put some restart
epochs one period low (T_0=1, T_mult=3, step(121): T_i 81 and lr 0 rather than T_i 243 and the
peak). This records, for several (T_0, T_mult):

- ``dense``: every integer epoch in [0, DENSE), run-length encoded as [first, last, n] (the period
  index PyTorch chose, read back from its T_i = T_0 * T_mult**n);
- ``edges``: every restart epoch below 2**53 and its two neighbours, with PyTorch's T_i, T_cur and
  the rate of group 0.

Run with Debian's PyTorch::

    /usr/bin/python3 tools/conformance/generate_cawr_epochs.py

Writes tools/conformance/fixtures/cawr_epochs.json (deterministic).
"""
import json
import os
import warnings

import torch
from torch.optim import lr_scheduler as L

warnings.simplefilter("ignore")  # step(epoch) warns on every call

CONFIGS = [(1, 2), (1, 3), (1, 4), (1, 5), (1, 7), (1, 10), (2, 3), (3, 2), (5, 3), (10, 2), (7, 6)]
DENSE = 60_000
LR = 0.1


def scheduler(t0, t_mult):
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=LR)
    return opt, L.CosineAnnealingWarmRestarts(opt, T_0=t0, T_mult=t_mult)


def period_index(t0, t_mult, t_i):
    n = 0
    while t0 * t_mult ** n < t_i:
        n += 1
    assert t0 * t_mult ** n == t_i
    return n


def dense_runs(t0, t_mult):
    _, s = scheduler(t0, t_mult)
    runs = []
    for epoch in range(DENSE):
        s.step(epoch)
        n = period_index(t0, t_mult, s.T_i)
        if runs and runs[-1][2] == n and runs[-1][1] == epoch - 1:
            runs[-1][1] = epoch
        else:
            runs.append([epoch, epoch, n])
    return runs


def edges(t0, t_mult):
    opt, s = scheduler(t0, t_mult)
    out = []
    k = 1
    while True:
        start = t0 * (t_mult ** k - 1) // (t_mult - 1)
        if start + 1 >= 2 ** 53:
            break
        for epoch in (start - 1, start, start + 1):
            s.step(epoch)
            out.append({"epoch": epoch, "T_i": s.T_i, "T_cur": s.T_cur, "lr": opt.param_groups[0]["lr"]})
        k += 1
    return out


def main():
    torch.set_default_dtype(torch.float64)
    cases = [{"T_0": t0, "T_mult": m, "dense": dense_runs(t0, m), "edges": edges(t0, m)} for t0, m in CONFIGS]
    out = {"torch_version": torch.__version__, "dense_epochs": DENSE, "lr": LR, "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "cawr_epochs.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print("wrote %s" % os.path.relpath(path, os.getcwd()))


if __name__ == "__main__":
    main()
