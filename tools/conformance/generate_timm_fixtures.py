#!/work/pyenv/bin/python
"""Record what timm's learning-rate schedulers do, as JSON fixtures for lrsched's timm dialect.

Run with the interpreter that has timm and torch::

    /work/pyenv/bin/python tools/conformance/generate_timm_fixtures.py

Writes ``tools/conformance/fixtures/timm.json``. Deterministic: the same library versions give a
byte-identical file.

timm's package ``__init__`` imports its model code and torchvision; only ``timm.scheduler`` is
needed, so the package is registered without running its ``__init__`` and the scheduler modules
(real timm source, unchanged) are imported from it.

Fixture format::

    {timm_version, torch_version, cases: [case, ...], logs: [[x, math.log(x)], ...]}

    case = {
      name,
      groups: [{lr, lr_scale?, initial_lr?}, ...],    # SGD param groups
      config: {class, kwargs},                       # class may be "create_scheduler_v2"
      calls: [[method, t, metric], ...],             # method "step" | "step_update"; metric null or a number
      records: [[lr, ...], ...],                     # every group's lr after construction (records[0])
                                                     # and after each call
      state_dicts: {"0": ..., "<i>": ...},           # scheduler.state_dict() after construction / call i
      num_epochs?,                                   # create_scheduler_v2's second return value
      get_lr?: {t: [...], lrs: [[per group], ...]},  # scheduler._get_lr(t) (closed-form classes)
      resume?: {at, state_dict, records},            # a fresh scheduler on a fresh optimizer loads the
                                                     # state after call `at`; records of the rest
      construct_error?: {type, message},
    }

JSON-safe state dicts: inf / -inf / nan become "inf" / "-inf" / "nan", tuples become lists.
"""

import importlib.metadata
import importlib.util
import json
import math
import os
import sys
import types

import torch

_spec = importlib.util.find_spec("timm")
_pkg = types.ModuleType("timm")
_pkg.__path__ = list(_spec.submodule_search_locations)
sys.modules["timm"] = _pkg

import timm.scheduler as TS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "timm.json")

CLASSES = {
    "CosineLRScheduler": TS.CosineLRScheduler,
    "TanhLRScheduler": TS.TanhLRScheduler,
    "StepLRScheduler": TS.StepLRScheduler,
    "MultiStepLRScheduler": TS.MultiStepLRScheduler,
    "PolyLRScheduler": TS.PolyLRScheduler,
    "PlateauLRScheduler": TS.PlateauLRScheduler,
}


def safe(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, (list, tuple)):
        return [safe(x) for x in v]
    if isinstance(v, dict):
        return {str(k): safe(x) for k, x in v.items()}
    if isinstance(v, torch.Tensor):
        return safe(v.item())
    return v


def make_optimizer(groups):
    params = []
    for g in groups:
        d = {"params": [torch.nn.Parameter(torch.zeros(1))], **g}
        params.append(d)
    return torch.optim.SGD(params, lr=0.5)


def build(config, groups):
    opt = make_optimizer(groups)
    if config["class"] == "create_scheduler_v2":
        sched, num_epochs = TS.create_scheduler_v2(opt, **config["kwargs"])
        return opt, sched, num_epochs
    return opt, CLASSES[config["class"]](opt, **config["kwargs"]), None


def lrs(opt):
    return [g["lr"] for g in opt.param_groups]


def call(sched, c):
    method, t, metric = c
    getattr(sched, method)(t, metric)


def loop(epochs, updates, metrics=None, start=0):
    """The calls of timm's train script: step_update after every update, step(epoch + 1) after
    every epoch (with the epoch's metric when given)."""
    calls = []
    n = start * updates
    for e in range(start, epochs):
        for _ in range(updates):
            n += 1
            calls.append(["step_update", n, None])
        calls.append(["step", e + 1, None if metrics is None else metrics[e]])
    return calls


def case(name, config, groups=None, calls=None, get_lr=None, resume_at=None, state_at=()):
    groups = groups or [{"lr": 0.1}]
    out = {"name": name, "groups": groups, "config": config}
    try:
        opt, sched, num_epochs = build(config, groups)
    except Exception as e:  # the constructor's own error
        out["construct_error"] = {"type": type(e).__name__, "message": str(e)}
        return out
    calls = calls if calls is not None else loop(12, 1)
    out["calls"] = calls
    records = [lrs(opt)]
    states = {"0": safe(sched.state_dict())}
    for i, c in enumerate(calls, 1):
        call(sched, c)
        records.append(lrs(opt))
        if i in state_at or i == len(calls):
            states[str(i)] = safe(sched.state_dict())
    out["records"] = records
    out["state_dicts"] = states
    if num_epochs is not None:
        out["num_epochs"] = num_epochs
    if get_lr is not None:
        out["get_lr"] = {"t": get_lr, "lrs": [list(sched._get_lr(t)) for t in get_lr]}
    if resume_at is not None:
        opt0, s0, _ = build(config, groups)
        for c in calls[:resume_at]:
            call(s0, c)
        saved = s0.state_dict()
        opt1, s1, _ = build(config, groups)
        s1.load_state_dict(saved)
        rest = []
        for c in calls[resume_at:]:
            call(s1, c)
            rest.append(lrs(opt1))
        out["resume"] = {"at": resume_at, "state_dict": safe(saved), "records": rest}
    return out


def ints(n):
    return list(range(n))


def with_fractions(n):
    return sorted(set(list(range(n)) + [x + 0.5 for x in range(0, n, 3)] + [0.25, 1.75]))


def cls(name, **kwargs):
    return {"class": name, "kwargs": kwargs}


def factory(**kwargs):
    return {"class": "create_scheduler_v2", "kwargs": kwargs}


TWO = [{"lr": 0.1}, {"lr": 0.05, "lr_scale": 0.5}]
METRICS = [0.5, 0.6, 0.6, 0.6, 0.6, 0.61, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]
LOSSES = [1.0, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]


def cases():
    C = "CosineLRScheduler"
    T = "TanhLRScheduler"
    S = "StepLRScheduler"
    M = "MultiStepLRScheduler"
    P = "PolyLRScheduler"
    Q = "PlateauLRScheduler"
    out = [
        # ------------------------------------------------------------- cosine
        case("cosine defaults, per epoch (step_update does nothing)", cls(C, t_initial=10),
             calls=loop(14, 2), get_lr=with_fractions(25), resume_at=9),
        case("cosine per update (t_in_epochs false: step does nothing)",
             cls(C, t_initial=30, lr_min=1e-4, t_in_epochs=False, warmup_t=5, warmup_lr_init=1e-5),
             calls=loop(10, 4), get_lr=ints(45), resume_at=20),
        case("cosine warm-up without prefix (class default): the cosine keeps its clock",
             cls(C, t_initial=10, warmup_t=3, warmup_lr_init=1e-3), groups=TWO, get_lr=ints(16)),
        case("cosine warm-up with prefix", cls(C, t_initial=10, warmup_t=3, warmup_lr_init=1e-3, warmup_prefix=True),
             groups=TWO, calls=loop(16, 1), get_lr=ints(18)),
        case("cosine three cycles, cycle_mul 2, cycle_decay 0.5, lr_min",
             cls(C, t_initial=4, cycle_mul=2.0, cycle_decay=0.5, cycle_limit=3, lr_min=1e-3),
             calls=loop(36, 1), get_lr=with_fractions(40)),
        case("cosine cycle_mul 1.5 (fractional cycle starts)",
             cls(C, t_initial=5, cycle_mul=1.5, cycle_limit=6, cycle_decay=0.8),
             calls=loop(60, 1), get_lr=ints(100)),
        case("cosine cycle_mul 3 from t_initial 1 (timm's log index at cycle starts)",
             cls(C, t_initial=1, cycle_mul=3.0, cycle_limit=8), calls=loop(40, 1), get_lr=ints(400)),
        case("cosine unlimited cycles of 7 (cycle_limit large), no decay",
             cls(C, t_initial=7, cycle_limit=1000, lr_min=0.01), calls=loop(30, 1), get_lr=ints(60)),
        case("cosine cycle_limit 0: lr_min after the warm-up",
             cls(C, t_initial=10, cycle_limit=0, lr_min=0.02, warmup_t=2), get_lr=ints(8)),
        case("cosine k_decay 2", cls(C, t_initial=20, k_decay=2.0, lr_min=1e-3), calls=loop(25, 1), get_lr=with_fractions(30)),
        case("cosine k_decay 0.5 with cycles", cls(C, t_initial=8, k_decay=0.5, cycle_limit=3, cycle_decay=0.7),
             calls=loop(30, 1), get_lr=ints(30)),
        case("cosine: a group's initial_lr is its base rate", cls(C, t_initial=6, warmup_t=2),
             groups=[{"lr": 0.3, "initial_lr": 0.2}, {"lr": 0.1}], get_lr=ints(10)),
        case("cosine initialize false takes initial_lr", cls(C, t_initial=6, initialize=False),
             groups=[{"lr": 0.3, "initial_lr": 0.2}], get_lr=ints(8)),
        case("cosine t_initial 0 is refused", cls(C, t_initial=0)),
        # ------------------------------------------------------------- tanh
        case("tanh defaults (starts just below lr)", cls(T, t_initial=10), calls=loop(14, 1), get_lr=with_fractions(20)),
        case("tanh warm-up without prefix: ramps to the rate at warmup_t",
             cls(T, t_initial=12, warmup_t=4, warmup_lr_init=1e-4, lr_min=1e-3), groups=TWO, calls=loop(16, 1), get_lr=ints(18)),
        case("tanh warm-up with prefix", cls(T, t_initial=12, warmup_t=4, warmup_lr_init=1e-4, warmup_prefix=True),
             calls=loop(18, 1), get_lr=ints(20)),
        case("tanh lb ub and cycles", cls(T, t_initial=6, lb=-3.0, ub=5.0, cycle_mul=2.0, cycle_limit=3, cycle_decay=0.5),
             calls=loop(45, 1), get_lr=ints(50)),
        case("tanh per update", cls(T, t_initial=20, t_in_epochs=False, cycle_limit=2), calls=loop(6, 8), get_lr=ints(45)),
        case("tanh lb >= ub is refused", cls(T, t_initial=10, lb=3.0, ub=3.0)),
        # ------------------------------------------------------------- step
        case("step warm-up as prefix (class default)", cls(S, decay_t=3, decay_rate=0.5, warmup_t=2, warmup_lr_init=0.01),
             groups=TWO, calls=loop(15, 1), get_lr=with_fractions(16), resume_at=6),
        case("step warm-up without prefix", cls(S, decay_t=3, decay_rate=0.5, warmup_t=2, warmup_lr_init=0.01, warmup_prefix=False),
             calls=loop(15, 1), get_lr=ints(16)),
        case("step fractional decay_t 2.5", cls(S, decay_t=2.5, decay_rate=0.3), calls=loop(15, 1), get_lr=with_fractions(16)),
        case("step decay_rate default 1 (constant)", cls(S, decay_t=4), get_lr=ints(10)),
        case("step per update", cls(S, decay_t=5, decay_rate=0.8, t_in_epochs=False), calls=loop(5, 4), get_lr=ints(25)),
        # ------------------------------------------------------------- multistep
        case("multistep: each decay one t before its milestone", cls(M, decay_t=[3, 6, 9], decay_rate=0.5),
             calls=loop(12, 1), get_lr=with_fractions(14)),
        case("multistep warm-up as prefix, repeated and early milestones",
             cls(M, decay_t=[1, 4, 4, 7], decay_rate=0.5, warmup_t=3, warmup_lr_init=0.001), groups=TWO,
             calls=loop(14, 1), get_lr=ints(14)),
        case("multistep warm-up without prefix", cls(M, decay_t=[2, 5], decay_rate=0.1, warmup_t=3, warmup_prefix=False),
             calls=loop(8, 1), get_lr=ints(9)),
        # ------------------------------------------------------------- poly
        case("poly defaults (power 0.5)", cls(P, t_initial=10), calls=loop(14, 1), get_lr=with_fractions(15)),
        case("poly power 2, k_decay 1.5, lr_min, cycles",
             cls(P, t_initial=6, power=2.0, k_decay=1.5, lr_min=1e-3, cycle_limit=3, cycle_mul=1.5, cycle_decay=0.5),
             calls=loop(30, 1), get_lr=ints(30)),
        case("poly warm-up without prefix", cls(P, t_initial=10, power=1.0, warmup_t=3, warmup_lr_init=0.0),
             groups=TWO, calls=loop(12, 1), get_lr=ints(13)),
        # ------------------------------------------------------------- plateau
        case("plateau max mode, patience 2, warm-up (metric ignored during warm-up)",
             cls(Q, patience_t=2, decay_rate=0.5, warmup_t=3, warmup_lr_init=0.01),
             groups=TWO, calls=loop(20, 2, METRICS), resume_at=24),
        case("plateau min mode, cooldown, lr_min", cls(Q, mode="min", patience_t=1, cooldown_t=2, decay_rate=0.3, lr_min=0.002),
             calls=loop(20, 1, LOSSES), resume_at=8),
        case("plateau without warm-up: step(0) writes warmup_lr_init",
             cls(Q, patience_t=1),
             calls=[["step", 0, None], ["step", 1, 0.5], ["step", 2, 0.5], ["step", 3, 0.5], ["step", 4, None], ["step", 5, 0.4]]),
        case("plateau steps without a metric leave the rate", cls(Q, warmup_t=2, warmup_lr_init=0.001),
             calls=[["step", 1, None], ["step", 2, None], ["step", 3, None], ["step", 4, None]]),
        case("plateau factor >= 1 is refused by torch", cls(Q, decay_rate=1.0)),
        # ------------------------------------------------------------- create_scheduler_v2
        case("factory defaults (cosine over 300 epochs)", factory(), calls=loop(8, 1), get_lr=ints(10)),
        case("factory cosine, warm-up, min_lr, cooldown", factory(sched="cosine", num_epochs=20, warmup_epochs=3, min_lr=1e-5, cooldown_epochs=4),
             calls=loop(26, 1), get_lr=ints(26)),
        case("factory cosine per update", factory(sched="cosine", num_epochs=5, warmup_epochs=1, step_on_epochs=False, updates_per_epoch=4, cooldown_epochs=1),
             calls=loop(6, 4), get_lr=ints(26)),
        case("factory cosine cycles (cycle_decay defaults to 0.1)", factory(sched="cosine", num_epochs=6, cycle_limit=3, cycle_mul=2.0),
             calls=loop(45, 1), get_lr=ints(45)),
        case("factory cosine with warmup_prefix adds the warm-up to num_epochs",
             factory(sched="cosine", num_epochs=10, warmup_epochs=2, warmup_prefix=True, k_decay=2.0), calls=loop(12, 1), get_lr=ints(13)),
        case("factory tanh", factory(sched="tanh", num_epochs=10, warmup_epochs=2, cycle_limit=2), calls=loop(22, 1), get_lr=ints(22)),
        case("factory step (warmup_prefix false, unlike the class)", factory(sched="step", decay_epochs=3, decay_rate=0.5, warmup_epochs=2),
             calls=loop(12, 1), get_lr=ints(12)),
        case("factory step with warmup_prefix", factory(sched="step", decay_epochs=3, decay_rate=0.5, warmup_epochs=2, warmup_prefix=True, num_epochs=12),
             calls=loop(14, 1), get_lr=ints(14)),
        case("factory multistep per update", factory(sched="multistep", decay_milestones=[2, 4], decay_rate=0.5, step_on_epochs=False, updates_per_epoch=3, num_epochs=6),
             calls=loop(6, 3), get_lr=ints(20)),
        case("factory poly (decay_rate is the power)", factory(sched="poly", num_epochs=10, decay_rate=2.0, min_lr=1e-4), calls=loop(12, 1), get_lr=ints(12)),
        case("factory plateau (no cooldown passed; warm-up)", factory(sched="plateau", patience_epochs=1, decay_rate=0.5, warmup_epochs=2, cooldown_epochs=5, plateau_mode="min"),
             calls=loop(14, 1, LOSSES)),
    ]
    return out


def logs():
    """math.log of values whose logarithms timm divides and floors (cycle_mul powers and their
    neighbours): the C library's correctly rounded results, which JavaScript's Math.log misses by
    an ulp for some (ln 3)."""
    xs = set()
    for m in (1.5, 2.0, 3.0, 5.0, 7.0, 10.0, 1.1, 1.01):
        for i in range(0, 12):
            v = m ** i
            xs.update([v, math.nextafter(v, 0), math.nextafter(v, math.inf)])
    for k in range(1, 200):
        xs.add(k / 7.0)
        xs.add(1 + k * 1e-3)
    return [[x, math.log(x)] for x in sorted(xs)]


def main():
    data = {
        "timm_version": importlib.metadata.version("timm"),
        "torch_version": torch.__version__,
        "cases": cases(),
        "logs": logs(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(OUT, len(data["cases"]), "cases")


if __name__ == "__main__":
    main()
