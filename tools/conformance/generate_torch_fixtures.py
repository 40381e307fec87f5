#!/usr/bin/python3
"""Record what real PyTorch's lr schedulers do, as JSON fixtures for @lrsched/torch-compat.

Run with the system interpreter that has Debian's PyTorch (``apt-get install -y python3-torch``)::

    /usr/bin/python3 tools/conformance/generate_torch_fixtures.py

It rewrites every file in ``tools/conformance/fixtures/`` (one file per scheduler class, plus
``get_scheduler.json`` and ``cyclic_onecycle.json``). The output is deterministic: the same torch
version gives byte-identical files, so ``git diff`` after a run shows real behaviour changes only.

Fixture format (``<Class>.json``)::

    {torch_version, class, cases: [case, ...]}

    case = {
      name, optimizer: {kind: "sgd" | "adam", groups: [{lr, momentum? | betas?, initial_lr?}, ...]},
      scheduler: {class, kwargs},          # snake_case kwargs; nested schedulers are {class, kwargs}
      steps: [arg, ...],                   # argument of each step() call: null for step(), a number
                                           # for step(epoch) / ReduceLROnPlateau's metric
      records: [rec, ...],                 # rec = {lr: [...], momentum?: [...], betas?: [[b1, b2], ...]}
                                           # records[0] is right after construction, records[i] after step i
      state_dicts: {"<i>": state_dict},    # scheduler.state_dict() after construction (0) / step i
      construct_error?: {type, message},   # the constructor raised (records is then empty)
      step_error?: {step, type, message, state_dict},   # step number `step` (1-based) raised
      resume?: {at, groups, state_dict, records}
    }

``resume`` replays a checkpoint: the run is stopped after ``at`` steps; a fresh optimizer and
scheduler are built with the same arguments, the optimizer's and scheduler's state dicts are
loaded (in that order, as a training script does), and the remaining steps are recorded.
``groups`` holds the saved optimizer param-group fields the scheduler uses.

Lambdas (LambdaLR, MultiplicativeLR, CyclicLR's scale_fn) are stored by name; ``LAMBDAS`` below is
the catalogue, and the TypeScript tests implement the same functions under the same names.

JSON-safe state dicts: inf / -inf / nan become the strings "inf" / "-inf" / "nan"; tuples become
lists; a Counter becomes an object keyed by the milestone; bound methods (OneCycleLR's
``anneal_func``, CyclicLR's ``_scale_fn_ref``) become the method's name; other callables become
"<function>". @lrsched/torch-compat's stateDict() uses the same convention.
"""

import collections
import json
import math
import os
import types
import warnings
import weakref

import torch
from torch.optim import lr_scheduler as L

warnings.simplefilter("ignore")  # the deprecated step(epoch) path warns on every call

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
TORCH_VERSION = torch.__version__

# name -> function of the epoch (or of the cycle / iteration for scale functions)
LAMBDAS = {
    "0.95**epoch": lambda e: 0.95 ** e,
    "1/(epoch+1)": lambda e: 1 / (e + 1),
    "min(1.0,(epoch+1)/5)": lambda e: min(1.0, (e + 1) / 5),
    "0.95": lambda e: 0.95,
    "0.9 if epoch%2 else 1.0": lambda e: 0.9 if e % 2 else 1.0,
    "1-0.01*epoch": lambda e: 1 - 0.01 * e,
    "1/(2.0**(x-1))": lambda x: 1 / (2.0 ** (x - 1)),
    "1/(1+0.05*x)": lambda x: 1 / (1 + 0.05 * x),
}

TWO_SGD = {"kind": "sgd", "groups": [{"lr": 0.1, "momentum": 0.9}, {"lr": 0.05, "momentum": 0.8}]}
TWO_ADAM = {"kind": "adam", "groups": [{"lr": 0.1, "betas": [0.9, 0.999]}, {"lr": 0.02, "betas": [0.95, 0.99]}]}


# ---------------------------------------------------------------- building torch objects

def make_optimizer(spec):
    groups = []
    for g in spec["groups"]:
        group = {"params": [torch.nn.Parameter(torch.zeros(1))]}
        for key, value in g.items():
            group[key] = tuple(value) if key == "betas" else value
        groups.append(group)
    if spec["kind"] == "sgd":
        return torch.optim.SGD(groups, lr=0.1, momentum=0.0)
    return torch.optim.Adam(groups, lr=0.1)


def resolve_kwargs(kwargs, optimizer):
    out = {}
    for key, value in kwargs.items():
        if key in ("lr_lambda", "scale_fn"):
            out[key] = [LAMBDAS[v] for v in value] if isinstance(value, list) else LAMBDAS[value]
        elif key == "schedulers":
            out[key] = [make_scheduler(s, optimizer) for s in value]
        else:
            out[key] = value
    return out


def make_scheduler(spec, optimizer):
    cls = getattr(L, spec["class"])
    kwargs = resolve_kwargs(spec["kwargs"], optimizer)
    if spec["class"] == "ChainedScheduler":
        return cls(**kwargs)  # torch 1.13 takes no optimizer argument
    if spec.get("other_optimizer"):
        optimizer = make_optimizer(TWO_SGD)
    return cls(optimizer, **kwargs)


# ---------------------------------------------------------------- JSON-safe conversion

def jsonable(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, collections.Counter):
        return {str(k): value[k] for k in sorted(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, weakref.WeakMethod):
        return value().__name__
    if isinstance(value, types.MethodType):
        return value.__name__
    if callable(value):
        return "<function>"
    if isinstance(value, torch.Tensor):
        return jsonable(value.item())
    raise TypeError("cannot convert %r" % (value,))


def record(optimizer):
    rec = {"lr": [jsonable(g["lr"]) for g in optimizer.param_groups]}
    if all("betas" in g for g in optimizer.param_groups):
        rec["betas"] = [jsonable(g["betas"]) for g in optimizer.param_groups]
    elif all("momentum" in g for g in optimizer.param_groups):
        rec["momentum"] = [jsonable(g["momentum"]) for g in optimizer.param_groups]
    return rec


GROUP_KEYS = ("lr", "initial_lr", "momentum", "betas", "max_lr", "min_lr", "max_momentum", "base_momentum")


def saved_groups(optimizer):
    return [{k: jsonable(g[k]) for k in GROUP_KEYS if k in g} for g in optimizer.param_groups]


def error_of(exc):
    return {"type": type(exc).__name__, "message": str(exc)}


# ---------------------------------------------------------------- running a case

def call_step(scheduler, arg, is_plateau):
    if is_plateau:
        scheduler.step(float(arg) if not isinstance(arg, str) else float(arg))
    elif arg is None:
        scheduler.step()
    else:
        scheduler.step(arg)


def run(case):
    """Runs one case and fills records / state_dicts / errors / resume."""
    spec, steps = case["scheduler"], case["steps"]
    is_plateau = spec["class"] == "ReduceLROnPlateau"
    opt = make_optimizer(case["optimizer"])
    try:
        sched = make_scheduler(spec, opt)
    except Exception as exc:  # noqa: BLE001 - every torch error is part of the record
        case["construct_error"] = error_of(exc)
        case["records"] = []
        return case
    keep = set(case.pop("state_dict_at", [])) | {0, len(steps)}
    records = [record(opt)]
    state_dicts = {"0": jsonable(sched.state_dict())}
    for i, arg in enumerate(steps, start=1):
        try:
            call_step(sched, arg, is_plateau)
        except Exception as exc:  # noqa: BLE001
            case["step_error"] = dict(step=i, **error_of(exc), state_dict=jsonable(sched.state_dict()))
            break
        records.append(record(opt))
        if i in keep:
            state_dicts[str(i)] = jsonable(sched.state_dict())
    case["records"] = records
    case["state_dicts"] = state_dicts
    if "resume_at" in case:
        case["resume"] = resume(case, case.pop("resume_at"))
    return case


def resume(case, at):
    spec, steps = case["scheduler"], case["steps"]
    is_plateau = spec["class"] == "ReduceLROnPlateau"
    opt = make_optimizer(case["optimizer"])
    sched = make_scheduler(spec, opt)
    for arg in steps[:at]:
        call_step(sched, arg, is_plateau)
    saved_opt = opt.state_dict()
    saved = sched.state_dict()
    out = {"at": at, "groups": saved_groups(opt), "state_dict": jsonable(saved)}
    opt2 = make_optimizer(case["optimizer"])
    sched2 = make_scheduler(spec, opt2)
    opt2.load_state_dict(saved_opt)
    sched2.load_state_dict(saved)
    records = [record(opt2)]
    for arg in steps[at:]:
        call_step(sched2, arg, is_plateau)
        records.append(record(opt2))
    out["records"] = records
    return out


def case(name, cls, kwargs, steps, optimizer=TWO_SGD, **extra):
    c = {"name": name, "optimizer": optimizer, "scheduler": {"class": cls, "kwargs": kwargs}, "steps": steps}
    c.update(extra)
    return c


def sub(cls, **kwargs):
    return {"class": cls, "kwargs": kwargs}


def n(count):
    return [None] * count


def with_initial(optimizer, factor=1.0):
    """The optimizer with initial_lr set, as when resuming with last_epoch >= 0."""
    groups = [dict(g, initial_lr=g["lr"] * factor) for g in optimizer["groups"]]
    return {"kind": optimizer["kind"], "groups": groups}


# ---------------------------------------------------------------- the cases

def lambda_cases():
    return [
        case("single lambda 0.95**epoch", "LambdaLR", {"lr_lambda": "0.95**epoch"}, n(30), resume_at=12),
        case("one lambda per group", "LambdaLR", {"lr_lambda": ["0.95**epoch", "1/(epoch+1)"]}, n(30), resume_at=7),
        case("warm-up lambda", "LambdaLR", {"lr_lambda": "min(1.0,(epoch+1)/5)"}, n(20)),
        case("last_epoch 4", "LambdaLR", {"lr_lambda": "0.95**epoch", "last_epoch": 4}, n(10),
             optimizer=with_initial(TWO_SGD, 2.0)),
        case("explicit epochs", "LambdaLR", {"lr_lambda": "1/(epoch+1)"}, [None, None, 7, None, 2, None]),
        case("error: lambda count", "LambdaLR", {"lr_lambda": ["0.95**epoch"]}, n(1)),
        case("error: resume without initial_lr", "LambdaLR", {"lr_lambda": "0.95**epoch", "last_epoch": 3}, n(1)),
    ]


def multiplicative_cases():
    return [
        case("constant factor 0.95", "MultiplicativeLR", {"lr_lambda": "0.95"}, n(30), resume_at=11),
        case("one lambda per group", "MultiplicativeLR", {"lr_lambda": ["0.9 if epoch%2 else 1.0", "1-0.01*epoch"]},
             n(40), resume_at=20),
        case("explicit epochs", "MultiplicativeLR", {"lr_lambda": "0.95"}, [None, None, 0, None, 5, None]),
        case("last_epoch 2", "MultiplicativeLR", {"lr_lambda": "0.95", "last_epoch": 2}, n(5),
             optimizer=with_initial(TWO_SGD)),
        case("error: lambda count", "MultiplicativeLR", {"lr_lambda": ["0.95", "0.95", "0.95"]}, n(1)),
    ]


def step_cases():
    return [
        case("step_size 3 default gamma", "StepLR", {"step_size": 3}, n(20), resume_at=7, state_dict_at=[7]),
        case("step_size 1 gamma 0.5", "StepLR", {"step_size": 1, "gamma": 0.5}, n(60)),
        case("step_size 7 gamma 0.9", "StepLR", {"step_size": 7, "gamma": 0.9}, n(120), resume_at=50),
        case("last_epoch 5", "StepLR", {"step_size": 3, "gamma": 0.5, "last_epoch": 5}, n(10),
             optimizer=with_initial(TWO_SGD)),
        case("explicit epochs (closed form)", "StepLR", {"step_size": 2, "gamma": 0.5},
             [None, None, 5, None, 2, None, 9, None]),
        case("adam one group", "StepLR", {"step_size": 4, "gamma": 0.3}, n(20),
             optimizer={"kind": "adam", "groups": [{"lr": 0.001, "betas": [0.9, 0.999]}]}),
        # values PyTorch accepts although its documentation asks for a positive int
        case("degenerate: negative step_size", "StepLR", {"step_size": -2, "gamma": 0.5}, n(12), resume_at=5),
        case("degenerate: fractional step_size", "StepLR", {"step_size": 2.5, "gamma": 0.5}, n(16)),
        case("degenerate: negative fractional step_size", "StepLR", {"step_size": -2.5, "gamma": 0.5}, n(12)),
        case("degenerate: fractional step_size, explicit epochs", "StepLR", {"step_size": 2.5, "gamma": 0.5},
             [None, 7, None, 2, None, 5, 12.5, None]),
        case("degenerate: step_size 0 fails at the first step", "StepLR", {"step_size": 0}, n(3)),
        case("degenerate: gamma above 1 grows", "StepLR", {"step_size": 2, "gamma": 2.0}, n(10)),
        case("degenerate: last_epoch -5", "StepLR", {"step_size": 2, "gamma": 0.5, "last_epoch": -5}, n(10),
             optimizer=with_initial(TWO_SGD)),
    ]


def multistep_cases():
    return [
        case("milestones with a repeat", "MultiStepLR", {"milestones": [3, 8, 8, 15], "gamma": 0.5}, n(25),
             resume_at=9, state_dict_at=[9]),
        case("default gamma", "MultiStepLR", {"milestones": [30, 80]}, n(100)),
        case("unsorted milestones", "MultiStepLR", {"milestones": [10, 2, 5], "gamma": 0.3}, n(15)),
        case("explicit epochs (closed form)", "MultiStepLR", {"milestones": [2, 4, 4], "gamma": 0.5},
             [None, None, 6, None, 1, None, 3, None]),
        case("last_epoch 3", "MultiStepLR", {"milestones": [2, 5], "gamma": 0.1, "last_epoch": 3}, n(5),
             optimizer=with_initial(TWO_SGD)),
        case("degenerate: fractional and negative milestones", "MultiStepLR",
             {"milestones": [1.5, 3, -1, 3.0, 6], "gamma": 0.5}, n(10), resume_at=4),
        case("degenerate: fractional milestones, explicit epochs", "MultiStepLR",
             {"milestones": [1.5, 3, 4.25], "gamma": 0.5}, [None, 2, None, 4.5, None, 1, None]),
    ]


def constant_cases():
    return [
        case("defaults", "ConstantLR", {}, n(10), resume_at=3, state_dict_at=[3]),
        case("factor 0.5 total_iters 4", "ConstantLR", {"factor": 0.5, "total_iters": 4}, n(10), resume_at=5),
        case("factor 1", "ConstantLR", {"factor": 1.0, "total_iters": 3}, n(6)),
        case("total_iters 0", "ConstantLR", {"factor": 0.25, "total_iters": 0}, n(4)),
        case("explicit epochs (closed form)", "ConstantLR", {"factor": 0.5, "total_iters": 3}, [None, 4, None, 1, None]),
        case("factor 0 divides by zero at total_iters", "ConstantLR", {"factor": 0.0, "total_iters": 2}, n(4)),
        case("error: factor above 1", "ConstantLR", {"factor": 1.5}, n(1)),
        case("error: negative factor", "ConstantLR", {"factor": -0.1}, n(1)),
        case("degenerate: negative total_iters", "ConstantLR", {"factor": 0.5, "total_iters": -2}, n(6)),
        case("degenerate: fractional total_iters", "ConstantLR", {"factor": 0.5, "total_iters": 2.5}, n(6), resume_at=2),
        case("degenerate: fractional total_iters, explicit epochs", "ConstantLR", {"factor": 0.5, "total_iters": 2.5},
             [None, 2, None, 3, None, 2.5, None]),
    ]


def linear_cases():
    return [
        case("defaults", "LinearLR", {}, n(10), resume_at=2, state_dict_at=[2]),
        case("warm-up 0.25 to 1 over 4", "LinearLR", {"start_factor": 0.25, "total_iters": 4}, n(8)),
        case("decay 1 to 0.1 over 10", "LinearLR", {"start_factor": 1.0, "end_factor": 0.1, "total_iters": 10},
             n(15), resume_at=6),
        case("decay to zero", "LinearLR", {"start_factor": 1.0, "end_factor": 0.0, "total_iters": 6}, n(9)),
        case("long warm-up", "LinearLR", {"start_factor": 0.001, "end_factor": 1.0, "total_iters": 100}, n(110)),
        case("explicit epochs (closed form)", "LinearLR", {"start_factor": 0.5, "total_iters": 4},
             [None, None, 6, None, 1, None]),
        case("start_factor 0 divides by zero", "LinearLR", {"start_factor": 0.0, "total_iters": 3}, n(3)),
        case("error: start_factor above 1", "LinearLR", {"start_factor": 1.2}, n(1)),
        case("error: negative end_factor", "LinearLR", {"end_factor": -0.5}, n(1)),
        case("degenerate: total_iters 0", "LinearLR", {"start_factor": 0.5, "total_iters": 0}, n(5)),
        case("degenerate: negative total_iters", "LinearLR", {"start_factor": 0.5, "total_iters": -2}, n(5)),
        case("degenerate: fractional total_iters", "LinearLR", {"start_factor": 0.5, "total_iters": 2.5}, n(6),
             resume_at=2),
        case("degenerate: total_iters 0, explicit epoch", "LinearLR", {"start_factor": 0.5, "total_iters": 0},
             [None, 3]),
    ]


def exponential_cases():
    return [
        case("gamma 0.9", "ExponentialLR", {"gamma": 0.9}, n(100), resume_at=40, state_dict_at=[40]),
        case("gamma 0.5", "ExponentialLR", {"gamma": 0.5}, n(30)),
        case("gamma 0.999 long", "ExponentialLR", {"gamma": 0.999}, n(500)),
        case("explicit epochs (closed form)", "ExponentialLR", {"gamma": 0.8}, [None, None, 10, None, 3, None]),
        case("last_epoch 6", "ExponentialLR", {"gamma": 0.9, "last_epoch": 6}, n(5), optimizer=with_initial(TWO_SGD)),
        case("degenerate: negative gamma", "ExponentialLR", {"gamma": -1.0}, n(6)),
        case("degenerate: gamma above 1 grows", "ExponentialLR", {"gamma": 1.5}, n(20), resume_at=9),
        case("degenerate: last_epoch -3", "ExponentialLR", {"gamma": 0.5, "last_epoch": -3}, n(8),
             optimizer=with_initial(TWO_SGD)),
        case("degenerate: fractional last_epoch", "ExponentialLR", {"gamma": 0.5, "last_epoch": 2.5}, n(8),
             optimizer=with_initial(TWO_SGD)),
    ]


def polynomial_cases():
    return [
        case("defaults", "PolynomialLR", {}, n(8), resume_at=3, state_dict_at=[3]),
        case("power 2 over 10", "PolynomialLR", {"total_iters": 10, "power": 2.0}, n(15)),
        case("power 0.5 over 20", "PolynomialLR", {"total_iters": 20, "power": 0.5}, n(30), resume_at=9),
        case("power 3 over 50", "PolynomialLR", {"total_iters": 50, "power": 3.0}, n(60)),
        case("explicit epochs (closed form)", "PolynomialLR", {"total_iters": 6, "power": 1.5},
             [None, None, 4, None, 8, None]),
        case("degenerate: total_iters 0 (a constant)", "PolynomialLR", {"total_iters": 0, "power": 2.0}, n(5)),
        case("degenerate: negative total_iters", "PolynomialLR", {"total_iters": -3, "power": 2.0}, n(5)),
        case("degenerate: fractional total_iters", "PolynomialLR", {"total_iters": 2.5, "power": 2.0}, n(6),
             resume_at=1),
        case("degenerate: power 0", "PolynomialLR", {"total_iters": 4, "power": 0.0}, n(6)),
        case("degenerate: negative power fails at total_iters", "PolynomialLR", {"total_iters": 4, "power": -1.0},
             n(6)),
        case("degenerate: total_iters 0, explicit epoch", "PolynomialLR", {"total_iters": 0}, [None, 2]),
    ]


def cosine_cases():
    return [
        case("T_max 10 past the end (rises again)", "CosineAnnealingLR", {"T_max": 10}, n(50),
             resume_at=15, state_dict_at=[15]),
        case("T_max 7 eta_min 0.001", "CosineAnnealingLR", {"T_max": 7, "eta_min": 0.001}, n(40)),
        case("T_max 100 eta_min 1e-4 to 2.5 periods", "CosineAnnealingLR", {"T_max": 100, "eta_min": 1e-4},
             n(250), resume_at=130),
        case("T_max 1", "CosineAnnealingLR", {"T_max": 1}, n(8)),
        case("last_epoch 5", "CosineAnnealingLR", {"T_max": 10, "eta_min": 0.01, "last_epoch": 5}, n(20),
             optimizer=with_initial(TWO_SGD)),
        case("explicit epochs (closed form)", "CosineAnnealingLR", {"T_max": 8},
             [None, None, 5, None, None, 12, None, 1, None]),
        case("adam one group", "CosineAnnealingLR", {"T_max": 20, "eta_min": 1e-5}, n(45),
             optimizer={"kind": "adam", "groups": [{"lr": 0.003, "betas": [0.9, 0.999]}]}),
        case("degenerate: negative T_max", "CosineAnnealingLR", {"T_max": -4, "eta_min": 0.01}, n(20), resume_at=7),
        case("degenerate: fractional T_max", "CosineAnnealingLR", {"T_max": 2.5}, n(12)),
        case("degenerate: T_max 0 fails at the first step", "CosineAnnealingLR", {"T_max": 0}, n(3)),
        case("degenerate: last_epoch -3", "CosineAnnealingLR", {"T_max": 4, "last_epoch": -3}, n(10),
             optimizer=with_initial(TWO_SGD)),
    ]


def fractional_epochs(epochs, iters):
    return [e + i / iters for e in range(epochs) for i in range(iters)]


def warm_restarts_cases():
    return [
        case("T_0 5", "CosineAnnealingWarmRestarts", {"T_0": 5}, n(30), resume_at=12, state_dict_at=[12]),
        case("T_0 3 T_mult 2 eta_min 0.01", "CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2, "eta_min": 0.01},
             n(60), resume_at=25),
        case("fractional epochs T_mult 1", "CosineAnnealingWarmRestarts", {"T_0": 4},
             fractional_epochs(10, 5), resume_at=17),
        case("fractional epochs T_mult 2", "CosineAnnealingWarmRestarts", {"T_0": 2, "T_mult": 2, "eta_min": 0.001},
             fractional_epochs(16, 4)),
        case("fractional epochs T_mult 3", "CosineAnnealingWarmRestarts", {"T_0": 1, "T_mult": 3},
             fractional_epochs(14, 3)),
        case("explicit epochs, jumps back and forth", "CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2},
             [None, 5, None, 20.5, None, None, 2, None, 9, 0.25, None]),
        # restart epochs, where Python's log rounds int(math.log(x, T_mult)) one period low
        case("explicit restart epochs T_0 1 T_mult 3", "CosineAnnealingWarmRestarts", {"T_0": 1, "T_mult": 3},
             [1, 4, 13, 40, 121, 364, 1093, 3280, 9841, 120, 122, 29524, None]),
        case("explicit restart epochs T_0 2 T_mult 5", "CosineAnnealingWarmRestarts", {"T_0": 2, "T_mult": 5},
             [2, 12, 62, 312, 1562, 7812, 39062, 195312, 976562, None]),
        case("last_epoch 4", "CosineAnnealingWarmRestarts", {"T_0": 3, "last_epoch": 4}, n(10),
             optimizer=with_initial(TWO_SGD)),
        case("error: negative epoch", "CosineAnnealingWarmRestarts", {"T_0": 3}, [None, -1]),
        case("error: T_0 0", "CosineAnnealingWarmRestarts", {"T_0": 0}, n(1)),
        case("error: T_0 not an integer", "CosineAnnealingWarmRestarts", {"T_0": 2.5}, n(1)),
        case("error: T_mult 0", "CosineAnnealingWarmRestarts", {"T_0": 2, "T_mult": 0}, n(1)),
        case("error: T_mult not an integer", "CosineAnnealingWarmRestarts", {"T_0": 2, "T_mult": 1.5}, n(1)),
    ]


def cyclic_cases():
    return [
        case("triangular, per-group bounds", "CyclicLR",
             {"base_lr": [0.001, 0.0005], "max_lr": [0.006, 0.004], "step_size_up": 5}, n(40),
             resume_at=13, state_dict_at=[13]),
        case("triangular2", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4, "mode": "triangular2"},
             n(50), resume_at=21),
        case("exp_range gamma 0.99", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 6, "mode": "exp_range", "gamma": 0.99}, n(60)),
        case("asymmetric 3 up 7 down", "CyclicLR",
             {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3, "step_size_down": 7,
              "base_momentum": [0.85, 0.8], "max_momentum": [0.95, 0.9]}, n(45)),
        case("custom scale_fn per cycle", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3, "scale_fn": "1/(2.0**(x-1))"}, n(30)),
        case("custom scale_fn per iteration", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3, "scale_fn": "1/(1+0.05*x)",
              "scale_mode": "iterations"}, n(30)),
        case("adam without momentum cycling", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 5, "cycle_momentum": False}, n(25),
             optimizer=TWO_ADAM),
        case("last_epoch 7", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4, "last_epoch": 7},
             n(10), optimizer=with_initial(TWO_SGD)),
        case("explicit epochs", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 4},
             [None, None, 11, None, 3, None]),
        case("error: invalid mode", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "mode": "sine"}, n(1)),
        case("error: momentum cycling on adam", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01}, n(1),
             optimizer=TWO_ADAM),
        case("error: base_lr count", "CyclicLR", {"base_lr": [0.001, 0.002, 0.003], "max_lr": 0.01}, n(1)),
        case("error: max_momentum count", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "max_momentum": [0.9]}, n(1)),
        case("degenerate: scale_mode other than 'cycle' means iterations", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3, "scale_fn": "1/(1+0.05*x)", "scale_mode": "batch"},
             n(20), resume_at=8),
        case("degenerate: scale_mode ignored without scale_fn", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3, "mode": "triangular2", "scale_mode": "batch"}, n(15)),
        case("degenerate: negative step_size_up", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": -2},
             n(12)),
        case("degenerate: fractional step sizes", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 2.5, "step_size_down": 1.5}, n(16), resume_at=6),
        case("degenerate: step_size_up 0 fails in the constructor", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 0, "step_size_down": 4}, n(1)),
        case("degenerate: a cycle of 0 steps fails in the constructor", "CyclicLR",
             {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 2, "step_size_down": -2}, n(1)),
    ]


def one_cycle_cases():
    return [
        case("cos defaults, total 20", "OneCycleLR", {"max_lr": 0.1, "total_steps": 20}, n(20),
             resume_at=8, state_dict_at=[8]),
        case("linear", "OneCycleLR", {"max_lr": 0.1, "total_steps": 30, "anneal_strategy": "linear"}, n(30)),
        case("three phase cos", "OneCycleLR", {"max_lr": 0.05, "total_steps": 40, "three_phase": True}, n(40),
             resume_at=25),
        case("three phase linear", "OneCycleLR",
             {"max_lr": 0.05, "total_steps": 25, "three_phase": True, "anneal_strategy": "linear", "pct_start": 0.2},
             n(25)),
        case("epochs x steps_per_epoch", "OneCycleLR", {"max_lr": 0.02, "epochs": 4, "steps_per_epoch": 9}, n(36)),
        case("adam betas, per-group max_lr", "OneCycleLR",
             {"max_lr": [0.01, 0.004], "total_steps": 50, "pct_start": 0.25, "div_factor": 10.0,
              "final_div_factor": 100.0, "base_momentum": [0.85, 0.8], "max_momentum": [0.95, 0.9]}, n(50),
             optimizer=TWO_ADAM, resume_at=20),
        case("no momentum cycling", "OneCycleLR", {"max_lr": 0.1, "total_steps": 15, "cycle_momentum": False}, n(15)),
        case("pct_start 0.5 long", "OneCycleLR",
             {"max_lr": 1.0, "total_steps": 500, "pct_start": 0.5, "div_factor": 5.0, "final_div_factor": 1000.0},
             n(500)),
        case("stepped past total_steps", "OneCycleLR", {"max_lr": 0.1, "total_steps": 10}, n(13)),
        case("three phase stepped past total_steps", "OneCycleLR",
             {"max_lr": 0.1, "total_steps": 10, "three_phase": True}, n(12)),
        case("last_epoch 9", "OneCycleLR", {"max_lr": 0.1, "total_steps": 30, "last_epoch": 9}, n(10),
             optimizer={"kind": "sgd", "groups": [
                 {"lr": 0.05, "momentum": 0.9, "initial_lr": 0.004, "max_lr": 0.1, "min_lr": 4e-07,
                  "max_momentum": 0.95, "base_momentum": 0.85},
                 {"lr": 0.05, "momentum": 0.9, "initial_lr": 0.004, "max_lr": 0.1, "min_lr": 4e-07,
                  "max_momentum": 0.95, "base_momentum": 0.85}]}),
        case("error: no total_steps nor epochs", "OneCycleLR", {"max_lr": 0.1}, n(1)),
        case("error: total_steps 0", "OneCycleLR", {"max_lr": 0.1, "total_steps": 0}, n(1)),
        case("error: negative epochs", "OneCycleLR", {"max_lr": 0.1, "epochs": -1, "steps_per_epoch": 10}, n(1)),
        case("error: steps_per_epoch 0", "OneCycleLR", {"max_lr": 0.1, "epochs": 3, "steps_per_epoch": 0}, n(1)),
        case("error: pct_start above 1", "OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "pct_start": 1.5}, n(1)),
        case("error: anneal_strategy", "OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "anneal_strategy": "exp"}, n(1)),
        case("error: max_lr count", "OneCycleLR", {"max_lr": [0.1, 0.2, 0.3], "total_steps": 10}, n(1)),
        case("degenerate: div_factor 0 fails in the constructor", "OneCycleLR",
             {"max_lr": 0.1, "total_steps": 10, "div_factor": 0.0}, n(1)),
        case("degenerate: final_div_factor 0 fails in the constructor", "OneCycleLR",
             {"max_lr": 0.1, "total_steps": 10, "final_div_factor": 0.0}, n(1)),
        case("degenerate: negative div_factor", "OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "div_factor": -2.0},
             n(10)),
    ]


def plateau_metrics():
    improve = [1.0 / (i + 1) for i in range(12)]
    stall = [0.5] * 15
    oscillate = [0.5 + 0.1 * (-1) ** i for i in range(15)]
    return improve + stall + oscillate + [0.02, 0.019999, 0.0199, 0.05, 0.01]


def plateau_cases():
    m = plateau_metrics()
    rising = [i * 0.1 for i in range(10)] + [0.9] * 10 + [0.9 - 0.05 * (i % 3) for i in range(15)]
    return [
        case("min rel patience 2", "ReduceLROnPlateau", {"patience": 2, "factor": 0.5}, m, resume_at=20,
             state_dict_at=[20]),
        case("min abs threshold 0.01", "ReduceLROnPlateau",
             {"patience": 1, "factor": 0.5, "threshold": 0.01, "threshold_mode": "abs"}, m),
        case("max rel", "ReduceLROnPlateau", {"mode": "max", "patience": 2, "factor": 0.2}, rising, resume_at=14),
        case("max abs cooldown 2", "ReduceLROnPlateau",
             {"mode": "max", "threshold_mode": "abs", "threshold": 0.05, "patience": 1, "cooldown": 2, "factor": 0.5},
             rising),
        case("min cooldown 3 min_lr per group", "ReduceLROnPlateau",
             {"patience": 0, "cooldown": 3, "factor": 0.3, "min_lr": [0.01, 0.004]}, m, resume_at=30),
        case("scalar min_lr", "ReduceLROnPlateau", {"patience": 0, "factor": 0.1, "min_lr": 0.002}, m),
        case("eps larger than the reduction", "ReduceLROnPlateau", {"patience": 0, "factor": 0.5, "eps": 0.03}, m),
        case("default options", "ReduceLROnPlateau", {}, m),
        case("nan and inf metrics", "ReduceLROnPlateau", {"patience": 1, "factor": 0.5},
             [1.0, "nan", 0.9, "inf", "nan", 0.5, "-inf", 0.4, 0.3]),
        case("error: factor 1", "ReduceLROnPlateau", {"factor": 1.0}, [1.0]),
        case("error: mode", "ReduceLROnPlateau", {"mode": "avg"}, [1.0]),
        case("error: threshold_mode", "ReduceLROnPlateau", {"threshold_mode": "pct"}, [1.0]),
        case("error: min_lr count", "ReduceLROnPlateau", {"min_lr": [0.1]}, [1.0]),
        case("degenerate: fractional patience", "ReduceLROnPlateau", {"patience": 1.5, "factor": 0.5}, m, resume_at=9),
        case("degenerate: negative patience", "ReduceLROnPlateau", {"patience": -1, "factor": 0.5}, m),
        case("degenerate: fractional cooldown", "ReduceLROnPlateau", {"patience": 0, "cooldown": 1.5, "factor": 0.5}, m),
        case("degenerate: negative cooldown", "ReduceLROnPlateau", {"patience": 0, "cooldown": -1, "factor": 0.5}, m),
        case("degenerate: negative factor", "ReduceLROnPlateau", {"patience": 0, "factor": -0.5}, m[:10]),
    ]


def sequential_cases():
    return [
        case("constant then exponential", "SequentialLR",
             {"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("ExponentialLR", gamma=0.9)],
              "milestones": [2]}, n(15), resume_at=6, state_dict_at=[6]),
        case("linear warm-up then cosine", "SequentialLR",
             {"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=5), sub("CosineAnnealingLR", T_max=10)],
              "milestones": [5]}, n(30), resume_at=9),
        case("three stages", "SequentialLR",
             {"schedulers": [sub("ConstantLR", factor=0.5, total_iters=10), sub("StepLR", step_size=2, gamma=0.5),
                             sub("ExponentialLR", gamma=0.95)], "milestones": [3, 10]}, n(20)),
        case("lambda then multiplicative", "SequentialLR",
             {"schedulers": [sub("LambdaLR", lr_lambda="min(1.0,(epoch+1)/5)"),
                             sub("MultiplicativeLR", lr_lambda="0.95")], "milestones": [4]}, n(12)),
        case("warm-up then one cycle", "SequentialLR",
             {"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=3),
                             sub("PolynomialLR", total_iters=8, power=2.0)], "milestones": [3]}, n(14)),
        case("cosine then warm restarts", "SequentialLR",
             {"schedulers": [sub("CosineAnnealingLR", T_max=4, eta_min=0.01),
                             sub("CosineAnnealingWarmRestarts", T_0=3)], "milestones": [4]}, n(15)),
        case("sequential nested first", "SequentialLR",
             {"schedulers": [sub("SequentialLR",
                                 schedulers=[sub("ConstantLR", factor=0.5, total_iters=2),
                                             sub("ExponentialLR", gamma=0.9)], milestones=[2]),
                             sub("StepLR", step_size=2, gamma=0.5)], "milestones": [5]}, n(4)),
        case("sequential nested second fails at the milestone", "SequentialLR",
             {"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2),
                             sub("SequentialLR", schedulers=[sub("ConstantLR", factor=0.5, total_iters=2),
                                                             sub("ExponentialLR", gamma=0.9)], milestones=[2])],
              "milestones": [3]}, n(5)),
        case("non-increasing milestones", "SequentialLR",
             {"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2), sub("ExponentialLR", gamma=0.9),
                             sub("StepLR", step_size=2)], "milestones": [6, 3]}, n(10), lrsched_rejects=True),
        case("error: milestone count", "SequentialLR",
             {"schedulers": [sub("ConstantLR"), sub("ExponentialLR", gamma=0.9)], "milestones": [2, 4]}, n(1)),
        case("error: scheduler of another optimizer", "SequentialLR",
             {"schedulers": [sub("ConstantLR"), dict(sub("ExponentialLR", gamma=0.9), other_optimizer=True)],
              "milestones": [2]}, n(1)),
    ]


def chained_cases():
    return [
        case("constant and exponential", "ChainedScheduler",
             {"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("ExponentialLR", gamma=0.9)]}, n(15),
             resume_at=5, state_dict_at=[5]),
        case("cosine and step", "ChainedScheduler",
             {"schedulers": [sub("CosineAnnealingLR", T_max=10), sub("StepLR", step_size=3, gamma=0.5)]}, n(25),
             resume_at=12),
        case("linear warm-up and multiplicative", "ChainedScheduler",
             {"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=4), sub("MultiplicativeLR", lr_lambda="0.95")]},
             n(12)),
        case("sequential inside chained", "ChainedScheduler",
             {"schedulers": [sub("SequentialLR", schedulers=[sub("ConstantLR", factor=0.5, total_iters=2),
                                                             sub("ExponentialLR", gamma=0.9)], milestones=[3]),
                             sub("StepLR", step_size=4, gamma=0.5)]}, n(14)),
        case("error: scheduler of another optimizer", "ChainedScheduler",
             {"schedulers": [sub("ConstantLR"), dict(sub("ExponentialLR", gamma=0.9), other_optimizer=True)]}, n(1)),
    ]


CLASSES = {
    "LambdaLR": lambda_cases, "MultiplicativeLR": multiplicative_cases, "StepLR": step_cases,
    "MultiStepLR": multistep_cases, "ConstantLR": constant_cases, "LinearLR": linear_cases,
    "ExponentialLR": exponential_cases, "PolynomialLR": polynomial_cases, "CosineAnnealingLR": cosine_cases,
    "CosineAnnealingWarmRestarts": warm_restarts_cases, "CyclicLR": cyclic_cases, "OneCycleLR": one_cycle_cases,
    "ReduceLROnPlateau": plateau_cases, "SequentialLR": sequential_cases, "ChainedScheduler": chained_cases,
}


# ---------------------------------------------------------------- the seed's get_scheduler

class Opt:
    """The options object the seed's helper reads (pix2pix's argparse namespace)."""

    def __init__(self, lr_policy, epoch_count=1, niter=100, niter_decay=100, lr_decay_iters=50):
        self.lr_policy = lr_policy
        self.epoch_count = epoch_count
        self.niter = niter
        self.niter_decay = niter_decay
        self.lr_decay_iters = lr_decay_iters


def get_scheduler(optimizer, opt):
    """The seed's helper, unchanged in behaviour (it returns, not raises, for an unknown policy)."""
    if opt.lr_policy == 'linear':
        def lambda_rule(epoch):
            return 1.0 - max(0, epoch + opt.epoch_count - opt.niter) / float(opt.niter_decay + 1)
        return L.LambdaLR(optimizer, lr_lambda=lambda_rule)
    if opt.lr_policy == 'step':
        return L.StepLR(optimizer, step_size=opt.lr_decay_iters, gamma=0.1)
    if opt.lr_policy == 'plateau':
        return L.ReduceLROnPlateau(optimizer, mode='min', factor=0.2, threshold=0.01, patience=5)
    if opt.lr_policy == 'cosine':
        return L.CosineAnnealingLR(optimizer, T_max=opt.niter, eta_min=0)
    return NotImplementedError('learning rate policy [%s] is not implemented', opt.lr_policy)


def get_scheduler_cases():
    m = plateau_metrics() * 2
    specs = [
        ("linear defaults", {"lr_policy": "linear"}, n(210)),
        ("linear epoch_count 5 niter 10 niter_decay 20", {"lr_policy": "linear", "epoch_count": 5, "niter": 10,
                                                          "niter_decay": 20}, n(40)),
        ("step defaults", {"lr_policy": "step"}, n(160)),
        ("step lr_decay_iters 7", {"lr_policy": "step", "lr_decay_iters": 7}, n(30)),
        ("plateau", {"lr_policy": "plateau"}, m),
        ("cosine defaults", {"lr_policy": "cosine"}, n(250)),
        ("cosine niter 12", {"lr_policy": "cosine", "niter": 12}, n(40)),
        ("unknown policy", {"lr_policy": "warmup"}, []),
    ]
    cases = []
    for name, opts, steps in specs:
        opt = make_optimizer(TWO_SGD)
        sched = get_scheduler(opt, Opt(**opts))
        c = {"name": name, "optimizer": TWO_SGD, "opt": opts, "steps": steps}
        if isinstance(sched, Exception):
            c["returned"] = {"type": type(sched).__name__, "args": [str(a) for a in sched.args]}
            cases.append(c)
            continue
        c["class"] = type(sched).__name__
        records = [record(opt)]
        for arg in steps:
            call_step(sched, arg, c["class"] == "ReduceLROnPlateau")
            records.append(record(opt))
        c["records"] = records
        cases.append(c)
    return cases


# ---------------------------------------------------------------- plain curves for ts-api

def cyclic_onecycle_cases():
    """One group, no momentum: the lr after construction and after each step."""
    cases = []

    def add(name, cls, kwargs, count):
        opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1)
        sched = getattr(L, cls)(opt, **dict(kwargs, cycle_momentum=False))
        lrs = [opt.param_groups[0]["lr"]]
        for _ in range(count):
            sched.step()
            lrs.append(opt.param_groups[0]["lr"])
        cases.append({"name": name, "class": cls, "kwargs": kwargs, "lrs": lrs})

    add("cyclic triangular up 10", "CyclicLR", {"base_lr": 0.001, "max_lr": 0.006, "step_size_up": 10}, 300)
    add("cyclic triangular up 2000", "CyclicLR", {"base_lr": 0.0001, "max_lr": 0.1, "step_size_up": 100}, 450)
    add("cyclic triangular2 up 8", "CyclicLR",
        {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 8, "mode": "triangular2"}, 300)
    add("cyclic exp_range gamma 0.995", "CyclicLR",
        {"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 12, "mode": "exp_range", "gamma": 0.995}, 400)
    add("cyclic asymmetric up 5 down 15", "CyclicLR",
        {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 5, "step_size_down": 15}, 300)
    add("cyclic asymmetric up 17 down 3 triangular2", "CyclicLR",
        {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 17, "step_size_down": 3, "mode": "triangular2"}, 300)
    add("cyclic asymmetric exp_range", "CyclicLR",
        {"base_lr": 0.002, "max_lr": 0.02, "step_size_up": 7, "step_size_down": 11, "mode": "exp_range",
         "gamma": 0.99}, 300)
    for strategy in ("cos", "linear"):
        for three in (False, True):
            for pct, div, final in ((0.3, 25.0, 1e4), (0.1, 10.0, 100.0), (0.45, 4.0, 1e3), (0.25, 25.0, 1.0)):
                total = 200 if pct != 0.45 else 333
                add("onecycle %s three_phase=%s pct %g div %g final %g" % (strategy, three, pct, div, final),
                    "OneCycleLR", {"max_lr": 0.1, "total_steps": total, "pct_start": pct, "anneal_strategy": strategy,
                                   "div_factor": div, "final_div_factor": final, "three_phase": three}, total - 1)
    return cases


# ---------------------------------------------------------------- output

def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %s" % os.path.relpath(path, os.getcwd()))


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_default_dtype(torch.float64)
    for cls, cases in CLASSES.items():
        write("%s.json" % cls, {"torch_version": TORCH_VERSION, "class": cls, "cases": [run(c) for c in cases()]})
    write("get_scheduler.json", {"torch_version": TORCH_VERSION, "cases": get_scheduler_cases()})
    write("cyclic_onecycle.json", {"torch_version": TORCH_VERSION, "cases": cyclic_onecycle_cases()})


if __name__ == "__main__":
    main()
