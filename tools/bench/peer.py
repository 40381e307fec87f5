"""Python peers for tools/bench: PyTorch's lr_scheduler stepping and numpy vectorised formulas.

Reads a JSON job on stdin (written by python.mjs) and prints one JSON object on stdout.
Exits 0 with {"available": false, "reason": ...} when torch or numpy cannot be imported.
"""
import json
import math
import platform
import sys
import time
import warnings


def main():
    job = json.load(sys.stdin)
    try:
        import numpy as np
        import torch
    except Exception as e:  # any import failure means "no peer", not a failed bench
        print(json.dumps({"available": False, "reason": f"{type(e).__name__}: {e}"}))
        return
    warnings.filterwarnings("ignore")  # PyTorch warns that optimizer.step() was never called
    torch.set_num_threads(1)
    out = {
        "available": True,
        "versions": {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__},
        "numpy": {},
        "torch": {},
    }
    nj = job["numpy"]
    for case in nj["cases"]:
        fn = FORMULAS[case["spec"]["fn"]]
        out["numpy"][case["id"]] = time_numpy(np, fn, case["spec"], nj["count"], nj["reps"], job["checkSteps"])
    tj = job["torch"]
    for case in tj["cases"]:
        out["torch"][case["cls"]] = time_torch(torch, case, tj["steps"], tj["reps"])
    print(json.dumps(out))


def median(xs):
    s = sorted(xs)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def time_numpy(np, fn, spec, count, reps, check_steps):
    """ns/step of building the float32 curve of `count` steps (arange, f64 formula, cast)."""
    def run():
        t = np.arange(count, dtype=np.float64)
        return fn(np, t, spec).astype(np.float32)

    times = []  # numpy has no JIT to warm; the median of the reps absorbs a cold first one
    for _ in range(reps):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    check = fn(np, np.array(check_steps, dtype=np.float64), spec)
    return {"ns": median(times) * 1e9 / count, "check": [float(v) for v in np.broadcast_to(check, (len(check_steps),))]}


def time_torch(torch, case, steps, reps):
    """ns per scheduler.step() of the PyTorch class, one SGD param group."""
    times = []
    for _ in range(reps + 1):  # the first run warms up
        sched, metric = build_torch(torch, case)
        t0 = time.perf_counter()
        if metric:
            for _ in range(steps):
                sched.step(1.0)
        else:
            for _ in range(steps):
                sched.step()
        times.append(time.perf_counter() - t0)
    return {"ns": median(times[1:]) * 1e9 / steps}


def build_torch(torch, case):
    S = torch.optim.lr_scheduler
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
    cls, kw = case["cls"], dict(case["kwargs"])
    if cls == "LambdaLR":
        f = (lambda e: 0.999999 ** e) if kw.pop("lr_lambda") == "pow" else (lambda e: 0.999999)
        return S.LambdaLR(opt, f), False
    if cls == "MultiplicativeLR":
        kw.pop("lr_lambda")
        return S.MultiplicativeLR(opt, lambda e: 0.999999), False
    if cls == "SequentialLR":
        a = S.LinearLR(opt, start_factor=0.01, total_iters=int(kw["linear_total_iters"]))
        b = S.CosineAnnealingLR(opt, T_max=int(kw["cosine_T_max"]))
        return S.SequentialLR(opt, [a, b], milestones=[int(kw["milestone"])]), False
    if cls == "ChainedScheduler":
        a = S.ConstantLR(opt, factor=0.5, total_iters=int(kw["constant_total_iters"]))
        b = S.ExponentialLR(opt, gamma=kw["gamma"])
        return S.ChainedScheduler([a, b]), False
    ints = {"step_size", "total_iters", "T_max", "T_0", "T_mult", "step_size_up", "total_steps"}
    kw = {k: (int(v) if k in ints else [int(x) for x in v] if k == "milestones" else v) for k, v in kw.items()}
    return getattr(S, cls)(opt, **kw), cls == "ReduceLROnPlateau"


# numpy formulas: (np, t as float64 steps, spec) -> float64 rates, written from the Keras/PyTorch docs


def f_constant(np, t, s):
    return np.full(t.shape, s["value"])


def f_piecewise(np, t, s):
    return np.asarray(s["values"])[np.searchsorted(np.asarray(s["boundaries"]), t, side="left")]


def _p(np, t, s):
    p = t / s["d"]
    return np.floor(p) if s["staircase"] else p


def f_exponential(np, t, s):
    return s["lr"] * np.power(s["rate"], _p(np, t, s))


def f_inverse_time(np, t, s):
    return s["lr"] / (1 + s["rate"] * _p(np, t, s))


def f_natural_exp(np, t, s):
    return s["lr"] * np.exp(-s["rate"] * _p(np, t, s))


def f_polynomial(np, t, s):
    d = s["d"]
    if s["cycle"]:
        span = d * np.maximum(np.ceil(t / d), 1)
        x = t
    else:
        span = d
        x = np.minimum(t, d)
    return (s["lr"] - s["end"]) * np.power(1 - x / span, s["power"]) + s["end"]


def f_cosine(np, t, s):
    w, d, a = s["warmupSteps"], s["d"], s["alpha"]
    peak = s["lr"] if s["warmupTarget"] is None else s["warmupTarget"]
    x = np.minimum(np.maximum(t - w, 0), d)
    decayed = peak * ((1 - a) * 0.5 * (1 + np.cos(math.pi * x / d)) + a)
    if w <= 0:
        return decayed
    return np.where(t < w, s["lr"] + (peak - s["lr"]) * t / w, decayed)


def f_restarts(np, t, s):
    f = t / s["first"]
    tm = s["tMul"]
    if tm == 1:
        i = np.floor(f)
        f = f - i
    else:
        i = np.floor(np.log(1 - f * (1 - tm)) / math.log(tm))
        done = (1 - tm ** i) / (1 - tm)
        f = (f - done) / tm ** i
    cos = 0.5 * s["mMul"] ** i * (1 + np.cos(math.pi * f))
    return s["lr"] * ((1 - s["alpha"]) * cos + s["alpha"])


def f_linear_cosine(np, t, s, noise=0.0):
    d = s["d"]
    x = np.minimum(t, d)
    linear = (d - x) / d + noise
    cos = 0.5 * (1 + np.cos(math.pi * 2 * s["periods"] * x / d))
    return s["lr"] * ((s["alpha"] + linear) * cos + s["beta"])


def f_noisy_linear_cosine(np, t, s):
    std = np.sqrt(s["variance"] / np.power(1 + t, s["decay"]))
    noise = np.random.default_rng(0).standard_normal(t.shape) * std
    return f_linear_cosine(np, t, s, noise)


def f_cyclic(np, t, s):
    total = s["up"] + s["down"]
    ratio = s["up"] / total
    cycle = np.floor(1 + t / total)
    x = 1 + t / total - cycle
    scale = np.where(x <= ratio, x / ratio, (x - 1) / (ratio - 1))
    if s["mode"] == "triangular2":
        scale = scale / np.power(2.0, cycle - 1)
    elif s["mode"] == "exp_range":
        scale = scale * np.power(s["gamma"], t)
    return s["base"] + (s["max"] - s["base"]) * scale


def f_one_cycle(np, t, s):
    total, peak = s["total"], s["max"]
    initial = peak / s["div"]
    low = initial / s["finalDiv"]
    end1 = s["pct"] * total - 1

    def anneal(a, b, p):
        return b + (a - b) / 2 * (1 + np.cos(math.pi * p)) if s["cos"] else a + (b - a) * p

    up = anneal(initial, peak, t / end1)
    down = anneal(peak, low, (t - end1) / (total - 1 - end1))
    return np.where(t <= end1, up, down)


def f_cosine_annealing(np, t, s):
    return s["etaMin"] + (s["lr"] - s["etaMin"]) * 0.5 * (1 + np.cos(math.pi * t / s["tMax"]))


def f_wsd(np, t, s):
    lr, w, stable, d = s["lr"], s["w"], s["stable"], s["d"]
    x = np.clip((t - w - stable) / d, 0, 1)
    shape = s["shape"]
    if shape == "linear":
        decay = lr * (1 - x)
    elif shape == "cosine":
        decay = lr * 0.5 * (1 + np.cos(math.pi * x))
    else:
        decay = lr * (1 - np.sqrt(x))
    return np.where(t < w, lr * t / w, np.where(t < w + stable, lr, decay))


def f_inverse_sqrt(np, t, s):
    lr, w = s["lr"], s["w"]
    return np.where(t < w, lr * t / max(1, w), lr / np.sqrt(np.maximum(t, w) / w))


def f_k_decay(np, t, s):
    d = s["d"]
    return np.where(t < d, s["lr"] * 0.5 * (1 + np.cos(math.pi * np.power(np.minimum(t, d) / d, s["k"]))), 0.0)


FORMULAS = {name[2:]: f for name, f in globals().items() if name.startswith("f_")}

if __name__ == "__main__":
    main()
