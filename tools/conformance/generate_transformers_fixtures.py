#!/work/pyenv/bin/python
"""Record what Hugging Face transformers' ``get_scheduler`` does, stepped with real PyTorch.

Run with the interpreter that has transformers 5.x and torch 2.x::

    /work/pyenv/bin/python tools/conformance/generate_transformers_fixtures.py

It writes ``tools/conformance/fixtures/transformers_get_scheduler.json``. Every case calls
``transformers.optimization.get_scheduler(name, optimizer, num_warmup_steps, num_training_steps,
scheduler_specific_kwargs)`` exactly as a training script does, then steps the scheduler and reads
every param group's ``lr`` back from the optimizer. The output is deterministic: the same library
versions give byte-identical files.

Debian's torch 1.13 cannot produce these numbers: transformers 5.x requires torch >= 2.5 and, next
to torch 1.13, disables its PyTorch support, so ``transformers.optimization`` does not import. The
names built on ``LambdaLR`` only need ``base_lr * lr_lambda(step)``, which is the same in both torch
versions; ``reduce_lr_on_plateau`` returns torch's own ``ReduceLROnPlateau``.

Fixture format::

    {transformers_version, torch_version, python_version, cases: [case, ...]}

    case = {
      label,                               # unique, human-readable
      name,                                # the get_scheduler name
      optimizer: {defaults_lr, group_lrs}, # torch.optim.SGD(groups, lr=defaults_lr); group i has
                                           # lr group_lrs[i] (two groups with different rates)
      num_warmup_steps, num_training_steps,          # null when not passed
      scheduler_specific_kwargs,                     # null when not passed
      metrics?: [m, ...],                  # reduce_lr_on_plateau / greedy: step(m) per step
      steps,                               # number of step() calls
      lrs: [[lr of each group], ...],      # lrs[0] after construction, lrs[k] after step k
      warnings: [message, ...],            # Python warnings raised while building
      construct_error?: {type, message},   # get_scheduler raised (lrs is then empty)
      step_error?: {step, type, message},  # step number `step` (1-based) raised
      state_dicts?: {"<k>": state_dict},   # greedy: GreedyLR.state_dict() after step k
    }

State dicts are JSON-safe: inf / -inf / nan are the strings "inf" / "-inf" / "nan".
"""

import json
import math
import os
import platform
import warnings

import torch
import transformers
from transformers.optimization import get_scheduler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "transformers_get_scheduler.json")

# The default optimizer: the optimizer's rate and a second group at a different rate.
TWO = {"defaults_lr": 0.1, "group_lrs": [0.1, 0.03]}
# Both groups away from the default rate: lr_end / min_lr scale with defaults_lr, not with the group.
OFF_DEFAULT = {"defaults_lr": 0.2, "group_lrs": [0.1, 0.05]}


def make_optimizer(spec):
    groups = [{"params": [torch.nn.Parameter(torch.zeros(1))], "lr": lr} for lr in spec["group_lrs"]]
    return torch.optim.SGD(groups, lr=spec["defaults_lr"])


def jsonable(value):
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, torch.Tensor):
        return jsonable(value.item())
    return value


def error_of(exc):
    return {"type": type(exc).__name__, "message": str(exc)}


def rates(optimizer):
    return [float(g["lr"]) for g in optimizer.param_groups]


def run(label, name, *, W=None, T=None, kwargs=None, steps=None, metrics=None, optimizer=TWO, states=()):
    """Builds get_scheduler(name, ...) on a fresh optimizer and records every rate."""
    if steps is None:
        steps = len(metrics) if metrics is not None else (T if T is not None else 30) + 12
    case = {
        "label": label,
        "name": name,
        "optimizer": optimizer,
        "num_warmup_steps": W,
        "num_training_steps": T,
        "scheduler_specific_kwargs": kwargs,
    }
    if metrics is not None:
        case["metrics"] = metrics
    case["steps"] = steps
    opt = make_optimizer(optimizer)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            sched = get_scheduler(name, opt, num_warmup_steps=W, num_training_steps=T,
                                  scheduler_specific_kwargs=None if kwargs is None else dict(kwargs))
        except Exception as exc:  # noqa: BLE001 - every error is part of the record
            case["warnings"] = [str(w.message) for w in caught]
            case["construct_error"] = error_of(exc)
            case["lrs"] = []
            return case
    case["warnings"] = [str(w.message) for w in caught]
    lrs = [rates(opt)]
    state_dicts = {}
    for k in range(1, steps + 1):
        try:
            opt.step()
            if metrics is None:
                sched.step()
            else:
                sched.step(metrics[k - 1])
        except Exception as exc:  # noqa: BLE001
            case["step_error"] = dict(step=k, **error_of(exc))
            break
        lrs.append(rates(opt))
        if k in states:
            state_dicts[str(k)] = jsonable(sched.state_dict())
    case["lrs"] = lrs
    if state_dicts:
        case["state_dicts"] = state_dicts
    return case


def closed_form_cases():
    cases = []
    add = cases.append
    # linear
    for W, T in [(0, 20), (5, 20), (1, 9), (6, 6), (8, 5)]:
        add(run(f"linear W={W} T={T}", "linear", W=W, T=T))
    add(run("linear off-default groups", "linear", W=3, T=15, optimizer=OFF_DEFAULT))
    # cosine
    for W, T in [(0, 20), (4, 24)]:
        add(run(f"cosine W={W} T={T}", "cosine", W=W, T=T, steps=2 * T + 5))
    for c in [0.3, 1.5, 2.25, 0.0]:
        add(run(f"cosine num_cycles={c}", "cosine", W=3, T=23, kwargs={"num_cycles": c}, steps=50))
    add(run("cosine T=W", "cosine", W=5, T=5, steps=12))
    add(run("cosine T<W", "cosine", W=6, T=4, steps=12))
    # cosine_with_restarts
    for W, T in [(0, 20), (3, 23)]:
        add(run(f"cosine_with_restarts W={W} T={T}", "cosine_with_restarts", W=W, T=T))
    for c in [3, 2.5, 0.7, 4]:
        add(run(f"cosine_with_restarts num_cycles={c}", "cosine_with_restarts", W=2, T=22, kwargs={"num_cycles": c}))
    add(run("cosine_with_restarts T=W", "cosine_with_restarts", W=5, T=5, steps=10))
    add(run("cosine_with_restarts T=W=0", "cosine_with_restarts", W=0, T=0, steps=5))
    add(run("cosine_with_restarts T=W+1", "cosine_with_restarts", W=4, T=5, kwargs={"num_cycles": 2}, steps=10))
    # polynomial
    for W, T in [(0, 20), (5, 25)]:
        add(run(f"polynomial W={W} T={T}", "polynomial", W=W, T=T))
    for p in [2.0, 0.5, 3.7, 0.0]:
        add(run(f"polynomial power={p}", "polynomial", W=3, T=18, kwargs={"power": p, "lr_end": 0.002}))
    add(run("polynomial power=0 lr_end default", "polynomial", W=0, T=10, kwargs={"power": 0}))
    add(run("polynomial lr_end=0", "polynomial", W=2, T=12, kwargs={"lr_end": 0.0, "power": 2}))
    add(run("polynomial off-default groups", "polynomial", W=2, T=12, kwargs={"lr_end": 0.01, "power": 1.5},
            optimizer=OFF_DEFAULT))
    add(run("polynomial T=W+1", "polynomial", W=4, T=5, kwargs={"lr_end": 0.01}, steps=9))
    add(run("polynomial T=W (divides by zero at T)", "polynomial", W=4, T=4, steps=8))
    add(run("polynomial lr_end >= lr", "polynomial", W=2, T=10, kwargs={"lr_end": 0.1}))
    # constant (every argument but the name is ignored)
    add(run("constant", "constant", steps=10))
    add(run("constant ignores warm-up, total and kwargs", "constant", W=5, T=10,
            kwargs={"num_cycles": 3, "anything": 1}, steps=10))
    # constant_with_warmup (scheduler_specific_kwargs and num_training_steps ignored)
    for W in [0, 1, 7]:
        add(run(f"constant_with_warmup W={W}", "constant_with_warmup", W=W, steps=W + 8))
    add(run("constant_with_warmup ignores total and kwargs", "constant_with_warmup", W=4, T=6,
            kwargs={"power": 2}, steps=12))
    # inverse_sqrt (num_training_steps ignored)
    add(run("inverse_sqrt W=0 (timescale 10000)", "inverse_sqrt", W=0, steps=30))
    add(run("inverse_sqrt W=5", "inverse_sqrt", W=5, steps=40))
    add(run("inverse_sqrt W=0 timescale=3", "inverse_sqrt", W=0, kwargs={"timescale": 3}, steps=30))
    add(run("inverse_sqrt W=5 timescale=12", "inverse_sqrt", W=5, kwargs={"timescale": 12}, steps=40))
    add(run("inverse_sqrt W=6 timescale=2.5", "inverse_sqrt", W=6, kwargs={"timescale": 2.5}, steps=30))
    add(run("inverse_sqrt ignores total", "inverse_sqrt", W=3, T=10, steps=20))
    # cosine_with_min_lr
    add(run("cosine_with_min_lr min_lr_rate=0.1 W=0", "cosine_with_min_lr", W=0, T=20,
            kwargs={"min_lr_rate": 0.1}, steps=45))
    add(run("cosine_with_min_lr min_lr_rate=0.05 W=4", "cosine_with_min_lr", W=4, T=24,
            kwargs={"min_lr_rate": 0.05}, steps=50))
    add(run("cosine_with_min_lr min_lr=0.001", "cosine_with_min_lr", W=3, T=20, kwargs={"min_lr": 0.001}))
    add(run("cosine_with_min_lr min_lr off-default groups", "cosine_with_min_lr", W=3, T=20,
            kwargs={"min_lr": 0.02}, optimizer=OFF_DEFAULT))
    add(run("cosine_with_min_lr num_cycles=1.5", "cosine_with_min_lr", W=2, T=22,
            kwargs={"min_lr_rate": 0.2, "num_cycles": 1.5}, steps=40))
    add(run("cosine_with_min_lr both floors", "cosine_with_min_lr", W=2, T=20,
            kwargs={"min_lr": 0.001, "min_lr_rate": 0.1}))
    add(run("cosine_with_min_lr no floor", "cosine_with_min_lr", W=2, T=20))
    # cosine_warmup_with_min_lr
    add(run("cosine_warmup_with_min_lr W=2 T=10", "cosine_warmup_with_min_lr", W=2, T=10,
            kwargs={"min_lr_rate": 0.0}, steps=22))
    add(run("cosine_warmup_with_min_lr W=0", "cosine_warmup_with_min_lr", W=0, T=16,
            kwargs={"min_lr_rate": 0.1}, steps=30))
    add(run("cosine_warmup_with_min_lr W=1", "cosine_warmup_with_min_lr", W=1, T=12,
            kwargs={"min_lr_rate": 0.1}))
    add(run("cosine_warmup_with_min_lr warmup_lr_rate=0.1", "cosine_warmup_with_min_lr", W=5, T=20,
            kwargs={"min_lr_rate": 0.05, "warmup_lr_rate": 0.1}, steps=35))
    add(run("cosine_warmup_with_min_lr warmup_lr_rate W=1", "cosine_warmup_with_min_lr", W=1, T=10,
            kwargs={"min_lr_rate": 0.05, "warmup_lr_rate": 0.3}))
    add(run("cosine_warmup_with_min_lr min_lr num_cycles=1.25", "cosine_warmup_with_min_lr", W=3, T=23,
            kwargs={"min_lr": 0.004, "num_cycles": 1.25}, steps=40))
    add(run("cosine_warmup_with_min_lr min_lr off-default groups", "cosine_warmup_with_min_lr", W=3, T=15,
            kwargs={"min_lr": 0.02}, optimizer=OFF_DEFAULT))
    add(run("cosine_warmup_with_min_lr no floor", "cosine_warmup_with_min_lr", W=2, T=10))
    # warmup_stable_decay: every warmup_type x decay_type
    for wt in ["linear", "cosine", "1-sqrt"]:
        for dt in ["linear", "cosine", "1-sqrt"]:
            add(run(f"warmup_stable_decay {wt}/{dt}", "warmup_stable_decay", W=4, T=30,
                    kwargs={"num_decay_steps": 10, "warmup_type": wt, "decay_type": dt, "min_lr_ratio": 0.1}))
    add(run("warmup_stable_decay defaults", "warmup_stable_decay", W=5, T=25, kwargs={"num_decay_steps": 8}))
    add(run("warmup_stable_decay 1-sqrt warm-up W=4", "warmup_stable_decay", W=4, T=12,
            kwargs={"num_decay_steps": 4, "warmup_type": "1-sqrt"}))
    add(run("warmup_stable_decay W=0", "warmup_stable_decay", W=0, T=20,
            kwargs={"num_decay_steps": 6, "decay_type": "1-sqrt"}))
    add(run("warmup_stable_decay num_stable_steps only", "warmup_stable_decay", W=3,
            kwargs={"num_decay_steps": 5, "num_stable_steps": 7}, steps=25))
    add(run("warmup_stable_decay stable and total", "warmup_stable_decay", W=3, T=40,
            kwargs={"num_decay_steps": 5, "num_stable_steps": 7}, steps=25))
    add(run("warmup_stable_decay num_cycles=1.5", "warmup_stable_decay", W=2, T=30,
            kwargs={"num_decay_steps": 16, "num_cycles": 1.5, "min_lr_ratio": 0.05}))
    add(run("warmup_stable_decay decay overlaps warm-up", "warmup_stable_decay", W=6, T=12,
            kwargs={"num_decay_steps": 10, "decay_type": "linear"}))
    add(run("warmup_stable_decay no decay steps", "warmup_stable_decay", W=3, T=10,
            kwargs={"num_decay_steps": 0, "min_lr_ratio": 0.2}))
    add(run("warmup_stable_decay min_lr_ratio off-default groups", "warmup_stable_decay", W=3, T=16,
            kwargs={"num_decay_steps": 6, "min_lr_ratio": 0.25}, optimizer=OFF_DEFAULT))
    add(run("warmup_stable_decay no total, no stable", "warmup_stable_decay", W=3, kwargs={"num_decay_steps": 5}))
    add(run("warmup_stable_decay no num_decay_steps", "warmup_stable_decay", W=3, T=10))
    add(run("warmup_stable_decay warmup_type exp", "warmup_stable_decay", W=3, T=10,
            kwargs={"num_decay_steps": 5, "warmup_type": "exp"}))
    add(run("warmup_stable_decay decay_type step", "warmup_stable_decay", W=3, T=10,
            kwargs={"num_decay_steps": 5, "decay_type": "step"}))
    return cases


def argument_cases():
    """What get_scheduler refuses: missing step counts, kwargs a name does not take, unknown names."""
    cases = []
    for name in ["linear", "cosine", "cosine_with_restarts", "polynomial", "constant_with_warmup",
                 "inverse_sqrt", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay"]:
        kwargs = {"min_lr_rate": 0.1} if "min_lr" in name else {"num_decay_steps": 4} if name == "warmup_stable_decay" else None
        cases.append(run(f"{name} without num_warmup_steps", name, T=10, kwargs=kwargs))
    for name in ["linear", "cosine", "cosine_with_restarts", "polynomial", "cosine_with_min_lr",
                 "cosine_warmup_with_min_lr"]:
        kwargs = {"min_lr_rate": 0.1} if "min_lr" in name else None
        cases.append(run(f"{name} without num_training_steps", name, W=2, kwargs=kwargs))
    cases.append(run("linear with num_cycles", "linear", W=2, T=10, kwargs={"num_cycles": 2}))
    cases.append(run("cosine with power", "cosine", W=2, T=10, kwargs={"power": 2}))
    cases.append(run("inverse_sqrt with num_cycles", "inverse_sqrt", W=2, kwargs={"num_cycles": 2}))
    cases.append(run("cosine_with_min_lr with warmup_lr_rate", "cosine_with_min_lr", W=2, T=10,
                     kwargs={"min_lr_rate": 0.1, "warmup_lr_rate": 0.2}))
    cases.append(run("unknown name", "cosine_annealing", W=2, T=10))
    return cases


# A validation loss: improves, stalls, improves a little, stalls long, then rises.
LOSSES = [1.0, 0.8, 0.7, 0.7, 0.71, 0.69, 0.7, 0.7, 0.72, 0.7, 0.6999, 0.7, 0.65, 0.65, 0.66, 0.67,
          0.66, 0.65, 0.651, 0.7, 0.75, 0.8, 0.5, 0.49, 0.48, 0.47, 0.47, 0.47, 0.47, 0.47]
# An accuracy (mode 'max').
ACCURACY = [0.1, 0.3, 0.5, 0.55, 0.56, 0.56, 0.57, 0.57, 0.57, 0.6, 0.6, 0.6, 0.6, 0.61, 0.61, 0.61,
            0.61, 0.7, 0.71, 0.72, 0.73, 0.74, 0.74, 0.74, 0.74, 0.74]
# Steady improvement, so that GreedyLR raises the rate, then a long stall so that it lowers it.
FALLING = [1.0 - 0.02 * k for k in range(16)] + [0.7] * 26 + [0.5 - 0.01 * k for k in range(10)]


def metric_cases():
    cases = []
    add = cases.append
    plateau = "reduce_lr_on_plateau"
    add(run("reduce_lr_on_plateau defaults", plateau, metrics=LOSSES))
    add(run("reduce_lr_on_plateau patience=2 factor=0.5", plateau, metrics=LOSSES,
            kwargs={"patience": 2, "factor": 0.5}))
    add(run("reduce_lr_on_plateau seed policy", plateau, metrics=LOSSES,
            kwargs={"mode": "min", "factor": 0.2, "threshold": 0.01, "patience": 5}))
    add(run("reduce_lr_on_plateau abs cooldown min_lr", plateau, metrics=LOSSES,
            kwargs={"patience": 1, "factor": 0.3, "threshold": 0.005, "threshold_mode": "abs",
                    "cooldown": 2, "min_lr": [0.005, 0.002]}))
    add(run("reduce_lr_on_plateau mode max", plateau, metrics=ACCURACY,
            kwargs={"mode": "max", "patience": 1, "factor": 0.5, "eps": 1e-3}))
    add(run("reduce_lr_on_plateau ignores warm-up and total", plateau, W=5, T=20, metrics=LOSSES[:12],
            kwargs={"patience": 1}))
    add(run("reduce_lr_on_plateau unknown kwarg", plateau, metrics=LOSSES[:3], kwargs={"num_cycles": 1}))
    add(run("reduce_lr_on_plateau factor=1", plateau, metrics=LOSSES[:3], kwargs={"factor": 1.0}))
    greedy = "greedy"
    add(run("greedy defaults", greedy, metrics=FALLING, states=(10, len(FALLING))))
    add(run("greedy patience=2", greedy, metrics=FALLING, kwargs={"patience": 2, "factor": 0.8},
            states=(5, 20)))
    add(run("greedy cooldown warmup max_lr", greedy, metrics=FALLING,
            kwargs={"patience": 1, "factor": 0.7, "cooldown": 2, "warmup": 3, "max_lr": 0.15,
                    "min_lr": 0.02}, states=(30,)))
    add(run("greedy rel threshold mode max", greedy, metrics=ACCURACY,
            kwargs={"mode": "max", "threshold": 0.01, "threshold_mode": "rel", "patience": 1, "factor": 0.5,
                    "min_lr": [0.01, 0.005], "max_lr": [0.5, 0.2]}))
    add(run("greedy reset at min", greedy, metrics=[1.0] + [1.0] * 40,
            kwargs={"patience": 0, "factor": 0.5, "min_lr": 0.02, "reset_start": 3}, states=(8, 41)))
    add(run("greedy smooth window", greedy, metrics=LOSSES + FALLING,
            kwargs={"smooth": True, "window_size": 4, "patience": 2, "factor": 0.9}, states=(3, 40)))
    add(run("greedy ignores warm-up and total", greedy, W=4, T=10, metrics=FALLING[:20],
            kwargs={"patience": 1}))
    add(run("greedy factor=1", greedy, metrics=LOSSES[:3], kwargs={"factor": 1.0}))
    add(run("greedy unknown kwarg", greedy, metrics=LOSSES[:3], kwargs={"num_cycles": 2}))
    return cases


# ---------------------------------------------------------------- writing

def dump(value, indent=0):
    """JSON with one line per rate record: readable diffs, a file a few hundred KB small."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad} {json.dumps(k)}: {dump(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
        items = [pad + " " + dump(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, allow_nan=False)


def main():
    cases = closed_form_cases() + argument_cases() + metric_cases()
    labels = [c["label"] for c in cases]
    assert len(labels) == len(set(labels)), "labels must be unique"
    payload = {
        "transformers_version": transformers.__version__,
        "torch_version": torch.__version__,
        "python_version": platform.python_version(),
        "cases": cases,
    }
    with open(OUT, "w") as f:
        f.write(dump(jsonable(payload)))
        f.write("\n")
    print("wrote %s (%d cases)" % (os.path.relpath(OUT, os.getcwd()), len(cases)))


if __name__ == "__main__":
    main()
